"""The unmutated bases of the fuzz suite read as valid, so a mutation that leaves a file intact
reaches the reader's value checks instead of failing at the header."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from sousei.io.flows.foreign_residents import read_foreign_residents
from sousei.io.flows.moves import read_moves
from sousei.io.flows.moves_by_age import read_moves_by_age
from sousei.io.flows.vital_stats import read_vital_statistics
from sousei.io.population.census import read_census
from sousei.io.population.juki_soumu import read_juki_ages
from sousei.io.population.long_format import read_long_csv, read_long_xlsx
from sousei.io.scenario import read_scenario
from sousei.io.strategy.comments import read_comments
from sousei.io.strategy.progress import read_progress_workbook
from tests.io.fuzz.mutations import DATA, EXAMPLES, _csv_text
from tests.io.fuzz.test_flows import _moves_by_age_rows
from tests.io.fuzz.test_juki import _write, head_rows
from tests.io.fuzz.test_population import GOOD_XLSX, LONG


def test_every_base_reads(tmp_path: Path) -> None:
    assert len(read_vital_statistics((EXAMPLES / "vital.csv").read_bytes(), "vital.csv")) > 5
    assert len(read_moves((EXAMPLES / "移動.csv").read_bytes(), "移動.csv")) > 3
    assert len(read_foreign_residents((EXAMPLES / "在留.csv").read_bytes(), "在留.csv")) > 3
    moves = _csv_text(_moves_by_age_rows()).encode()
    assert len(read_moves_by_age(moves, "moves.csv")) == 38
    (tmp_path / "juki.csv").write_text(_csv_text(LONG), encoding="utf-8")
    assert len(read_long_csv(tmp_path / "juki.csv")) == 42
    (tmp_path / "juki.xlsx").write_bytes(GOOD_XLSX)
    assert len(read_long_xlsx(tmp_path / "juki.xlsx")) == 42
    census = read_census(io.BytesIO((DATA / "census_kurume_nakagawa.csv").read_bytes()), "c.csv")
    assert not census.population.empty
    title, rows = head_rows("2108nsnen.xlsx")
    with tempfile.TemporaryDirectory() as folder:
        table = read_juki_ages(_write(title, [list(r) for r in rows], Path(folder, "2108nsnen.xlsx")))
    assert set(table.frame["area_code"]) == {"00000", "01000", "01100", "01101"}
    assert read_progress_workbook(EXAMPLES / "事業一覧.xlsx").strategy is not None
    assert len(read_comments(EXAMPLES / "意見.csv")) >= 4
    for path in EXAMPLES.glob("*.toml"):
        assert read_scenario(path).name
