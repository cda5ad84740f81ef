"""The optional moves and foreign-resident sections of the 人口ビジョン report (library and CLI):
absent without inputs, placed after the current state, sheets holding the ranked figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from sousei.cli import app
from sousei.io.flows.foreign_residents import read_foreign_residents_file
from sousei.io.flows.moves import read_moves_file
from sousei.reports.vision import vision_document
from sousei.reports.vision_areas import AreaTables, area_sections
from sousei.reports.vision_data import vision_data
from sousei.vision.areas import data_codes
from sousei.vision.run import ProjectionRequest

DATA = Path(__file__).resolve().parents[1] / "data"
MOVES = DATA / "moves_kurume_constructed.csv"
FOREIGN = DATA / "foreign_kurume_constructed.csv"


@pytest.fixture(scope="module")
def data():
    (one,) = vision_data(ProjectionRequest(data_codes(["40203"]), to_year=2030))
    return one


def test_without_inputs_no_section_is_added() -> None:
    # vision_document inserts exactly what area_sections returns, so nothing changes.
    assert area_sections("40203", "久留米市", None) == ()
    assert area_sections("40203", "久留米市", AreaTables()) == ()


def test_sections_follow_the_current_state(data) -> None:
    areas = AreaTables(read_moves_file(MOVES), "移動.csv", read_foreign_residents_file(FOREIGN),
                       "在留.csv")
    keys = [s.key for s in vision_document(data, areas).sections]
    assert keys[keys.index("current") + 1: keys.index("current") + 3] == ["moves", "foreign"]
    assert "projection" in keys and "assumptions" in keys
    # Another municipality's report gets no section from 久留米市's rows.
    assert area_sections("40231", "那珂川市", areas) == ()


def test_cli_writes_the_ranked_sheets(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [
        "report", "vision", "--area", "40203", "--to", "2030", "--out", str(tmp_path),
        "--no-pdf", "--moves", str(MOVES), "--foreign", str(FOREIGN)])
    assert result.exit_code == 0, result.output
    book = load_workbook(tmp_path / "人口ビジョン_久留米市.xlsx")
    rows = [[c.value for c in row] for row in book["移動_転出超過"].iter_rows()]
    header = rows.index(["順位", "相手先", "転入数", "転出数", "増減", "転入に占める割合",
                         "転出に占める割合"])
    # 東京都: 400 in, 700 out, △300; 400 / 7,220 = 5.54%, 700 / 7,000 = 10%.
    first = rows[header + 1]
    assert first[:5] == [1, "東京都", 400, 700, -300]
    assert first[5] == pytest.approx(5.540, abs=1e-3) and first[6] == pytest.approx(10.0)
    status = [[c.value for c in row] for row in book["外国人_在留資格別"].iter_rows()]
    assert [1, "技能実習", 750, 25.0, None] in status
    history = [[c.value for c in row] for row in book["外国人_国籍・地域別推移"].iter_rows()]
    assert ["国籍・地域", 2022, 2023] in history and ["ベトナム", 800, 900] in history
    html = (tmp_path / "人口ビジョン_久留米市.html").read_text(encoding="utf-8")
    assert "令和5(2023)年の転入は7,220人、転出は7,000人で、転入超過は220人です。" in html
    assert "令和5(2023)年の在留外国人は3,000人です(令和4(2022)年から200人増加)。" in html
    assert "出典: moves_kurume_constructed.csv(利用者提供)" in html


def test_cli_refuses_a_bad_moves_file_naming_the_row(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(MOVES.read_text(encoding="utf-8").replace(",400,700", ",400,x"),
                   encoding="utf-8")
    result = CliRunner().invoke(app, [
        "report", "vision", "--area", "40203", "--to", "2030", "--out", str(tmp_path / "o"),
        "--no-pdf", "--moves", str(bad)])
    assert result.exit_code == 1  # an input refused
    assert "ファイル bad.csv、6行目、列 out_moves" in result.output
