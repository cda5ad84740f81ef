"""`sousei project --population <総務省 住基の表>`: the shipped national tables end to end.

The 2016 -> 2021 run is checked against the 2021 tables the Ministry published (not used by
the run), and the base against the 2016 tables' own printed figures.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from sousei.cli import app
from sousei.io.population.juki_soumu import read_juki_ages
from sousei.io.reference.shipped import juki_file

runner = CliRunner()


def persons(out: Path) -> pd.Series:
    frame = pd.read_csv(out, dtype={"area_code": str}, encoding="utf-8-sig")
    return frame.groupby(["area_code", "nationality", "year"])["value"].sum()


def published(name: str, code: str) -> float:
    table = read_juki_ages(juki_file(name))
    return float(table.frame.loc[table.frame["area_code"] == code, "value"].sum())


def test_2016_to_2021_from_the_shipped_names(tmp_path: Path):
    out = tmp_path / "juki.csv"
    result = runner.invoke(app, ["project", "--population", "1608nsnen.xls", "--population",
                                 "1612gsnen.xls", "--area", "久留米市", "--to", "2021",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "同梱" in result.output and "1312gsnen" in result.output  # history found beside
    assert "2016-01-01 -> 2021-01-01" in result.output
    cells = persons(out)
    assert cells["40203", "japanese", 2016] == 303_622  # printed in 1608nsnen.xls
    assert cells["40203", "foreign", 2016] == 3_078  # printed in 1612gsnen.xls
    for year in (2016, 2021):
        assert cells["40203", "total", year] == pytest.approx(
            cells["40203", "japanese", year] + cells["40203", "foreign", year])
    # against 2108nsnen.xlsx, published 1 January 2021 and not read by the run
    actual = published("2108nsnen.xlsx", "40203")
    assert actual == 300_201
    assert cells["40203", "japanese", 2021] == pytest.approx(actual, rel=0.02)


def test_total_table_alone_is_projected_with_a_warning(tmp_path: Path):
    out = tmp_path / "total.csv"
    result = runner.invoke(app, ["project", "--population", "2104ssnen.xlsx", "--area", "40203",
                                 "--to", "2026", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "警告: 総計の表だけ" in result.output
    cells = persons(out)
    assert set(cells.index.get_level_values("nationality")) == {"total"}
    assert cells["40203", "total", 2021] == pytest.approx(published("2104ssnen.xlsx", "40203"))


def test_japanese_without_foreign_is_refused():
    result = runner.invoke(app, ["project", "--population", "2108nsnen.xlsx", "--area", "40203",
                                 "--to", "2026"])
    assert result.exit_code == 1  # an input refused (sousei --help: 1), not a usage error
    assert "外国人住民の表" in result.output


@pytest.mark.slow
def test_all_municipalities_2017_to_2022_lists_the_areas_it_cannot_project(tmp_path: Path):
    out = tmp_path / "all.csv"
    result = runner.invoke(app, ["project", "--population", "1708nsnen.xls", "--population",
                                 "1712gsnen.xls", "--all", "--to", "2022", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "推計できない地域: 01695" in result.output  # 色丹村: nobody registered
    cells = persons(out)
    codes = set(cells.index.get_level_values("area_code"))
    assert len(codes) == 1_741 and "01100" in codes and "01101" not in codes
    japanese = cells.xs("japanese", level="nationality").groupby("year").sum()
    assert japanese[2017] == pytest.approx(125_583_658)  # printed national 総数: each person once


def _by_age(out: Path) -> pd.Series:
    frame = pd.read_csv(out, dtype={"area_code": str}, encoding="utf-8-sig")
    frame = frame[frame["scenario"] == frame["scenario"].iloc[0]]
    return frame.groupby(["year", "age_start"])["value"].sum()


def test_births_option_reaches_the_juki_base(tmp_path: Path):
    """--births changes only who is born: 0-4 differs, every older group of the first step not."""
    cells = {}
    for births in ("tfr_path", "constant"):
        out = tmp_path / f"{births}.csv"
        result = runner.invoke(app, ["project", "--population", "2104ssnen.xlsx", "--area",
                                     "40203", "--to", "2031", "--births", births,
                                     "--out", str(out)])
        assert result.exit_code == 0, result.output
        cells[births] = _by_age(out)
    trend, constant = cells["tfr_path"], cells["constant"]
    assert trend[2021].sum() == pytest.approx(published("2104ssnen.xlsx", "40203"))
    assert trend[2021].equals(constant[2021])
    assert abs(trend[2026, 0] - constant[2026, 0]) > 10  # persons aged 0-4 in 2026
    pd.testing.assert_series_equal(trend[2026].drop(0), constant[2026].drop(0))
