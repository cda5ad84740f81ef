"""`sousei project` end to end on the shipped data: same numbers as the library."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from sousei.cli import app
from sousei.demography.ages import ELDERLY
from sousei.demography.scenarios import BASELINE, MigrationDelta, Scenario, TfrPath
from sousei.vision.run import ProjectionRequest, run_projection

runner = CliRunner()

TFR = 'name = "出生率向上"\n[tfr]\nchange = 0.1\nby = 2060\n'
YOUNG = 'name = "若者定着"\n[[migration]]\nages = "10-29"\nchange_points_per_year = 0.5\n'


@pytest.fixture
def scenario_files(tmp_path: Path) -> list[Path]:
    files = []
    for name, text in (("tfr.toml", TFR), ("young.toml", YOUNG)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def test_one_area_prints_the_table_and_writes_the_long_csv(tmp_path, scenario_files) -> None:
    out = tmp_path / "kurume.csv"
    args = ["project", "--area", "久留米市", "--to", "2045", "--out", str(out)]
    for path in scenario_files:
        args += ["--scenario", str(path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "久留米市(40203)" in result.output
    assert "304,552" in result.output  # 2015 census, the base
    assert "基準推計との差" in result.output
    cells = pd.read_csv(out, encoding="utf-8-sig", dtype={"area_code": str})
    assert list(cells.columns[:7]) == [
        "area_code",
        "nationality",
        "sex",
        "age_start",
        "age_span",
        "year",
        "value",
    ]
    request = ProjectionRequest(
        ("40203",),
        2015,
        2045,
        (
            BASELINE,
            Scenario("出生率向上", tfr=TfrPath(((2060, 0.1),))),
            Scenario("若者定着", migration=(MigrationDelta(10, 29, 0.025),)),
        ),
    )
    _, run = run_projection(request)
    for k, label in enumerate(("基準推計", "出生率向上", "若者定着")):
        cli_total = cells[(cells["scenario"] == label) & (cells["year"] == 2045)]["value"].sum()
        assert cli_total == pytest.approx(run.total.population[k, -1].sum(), abs=1e-3)
    assert cells["age_span"].isna().sum() == len(cells) // 19  # 90+ is open-ended


def test_ipss_assumptions_reproduce_the_published_2045_total() -> None:
    result = runner.invoke(
        app, ["project", "--area", "40203", "--assumptions", "ipss", "--to", "2045"]
    )
    assert result.exit_code == 0, result.output
    assert "279,310" in result.output  # IPSS 2018: 久留米市 2045


def test_workbook_cells_are_numbers_with_formats(tmp_path) -> None:
    out = tmp_path / "kama.xlsx"
    result = runner.invoke(app, ["project", "--area", "402273", "--to", "2045", "--out", str(out)])
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    sheet = book["嘉麻市(40227)"]
    assert [c.value for c in sheet[1][:3]] == ["シナリオ", "指標", 2015]
    total = sheet.cell(row=2, column=3)
    assert total.value == pytest.approx(38_743, abs=0.5)  # 2015 census
    assert total.number_format == '#,##0;"△"#,##0'
    assert sheet.cell(row=6, column=3).number_format.startswith("0.0%")


def test_prefecture_batch_lists_every_municipality(tmp_path) -> None:
    out = tmp_path / "fukuoka.xlsx"
    result = runner.invoke(
        app, ["project", "--prefecture", "40", "--to", "2045", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    summary = load_workbook(out)["一覧"]
    assert summary.max_row == 1 + 60  # header + Fukuoka's 60 municipalities
    assert "那珂川市" in result.output  # 40305 in the 2015 data, shown by today's name


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--area", "402037"], "検査数字"),
        (["--area", "府中市"], "複数"),
        (["--area", "40203", "--to", "2047"], "5年刻み"),
        ([], "--area"),
    ],
)
def test_bad_requests_get_a_japanese_error(args, message) -> None:
    result = runner.invoke(app, ["project", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_scenarios_change_no_one_already_past_the_ages_they_touch() -> None:
    """Fertility or young-age migration cannot change 65+ until those cohorts reach 65."""
    request = ProjectionRequest(
        ("40203", "40227", "01100"),
        2015,
        2085,
        (
            BASELINE,
            Scenario("fertility", tfr=TfrPath(((2060, 0.3),))),
            Scenario("young", migration=(MigrationDelta(10, 29, 0.02),)),
        ),
    )
    _, run = run_projection(request)
    elderly = run.total.population[..., ELDERLY].sum(axis=(-2, -1))
    years = np.array(run.total.years)
    # Born in 2015-20 at the earliest: 65+ from 2085. Aged 25-29 in 2015: 65+ from 2055.
    assert np.array_equal(elderly[1, years < 2085], elderly[0, years < 2085])
    assert np.array_equal(elderly[2, years < 2055], elderly[0, years < 2055])
    assert np.all(elderly[2, years >= 2055] > elderly[0, years >= 2055])


def test_bad_population_file_names_row_and_column_and_writes_nothing(tmp_path) -> None:
    source = tmp_path / "juki.csv"
    rows = ["area_code,nationality,sex,age_start,age_span,year,value"]
    for sex in ("M", "F"):
        for age in range(0, 95, 5):
            span = "" if age == 90 else "5"
            rows.append(f"40203,total,{sex},{age},{span},2020,{1000 if age != 40 else -5}")
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "result.xlsx"
    result = runner.invoke(
        app, ["project", "--population", str(source), "--to", "2045", "--out", str(out)]
    )
    assert result.exit_code == 1  # an input refused
    assert "juki.csv" in result.output
    assert "10行目" in result.output  # header is row 1; M 40-44 is the 10th line
    assert "value" in result.output
    assert not out.exists()


def test_a_wide_age_table_projects_for_the_named_area(tmp_path) -> None:
    """The 住基 年齢別人口表 as a town publishes it, read for --area; same numbers as the
    library given the same table in the long layout."""
    from sousei.demography.ages import AGE_STARTS
    from sousei.io.population.read import read_population
    from sousei.vision.inputs import census_history
    from sousei.vision.user_data import run_user_projection

    pop = census_history(["40203"]).at(2015).values[0].round()
    lines = ["令和2年1月1日現在", "年齢,男,女"] + [
        f"{'90歳以上' if a == 90 else f'{a}～{a + 4}歳'},{pop[0, i]:.0f},{pop[1, i]:.0f}"
        for i, a in enumerate(AGE_STARTS)]
    source = tmp_path / "juki.csv"
    source.write_text("\n".join(lines) + "\n", encoding="cp932")
    out = tmp_path / "result.csv"
    result = runner.invoke(app, ["project", "--population", str(source), "--area", "久留米市",
                                 "--to", "2040", "--out", str(out)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, dtype={"area_code": str})
    _, run = run_user_projection(read_population(source, "40203"),
                                 ProjectionRequest(("40203",), 2020, 2040))
    final = frame[(frame["year"] == 2040) & (frame["scenario"] == frame["scenario"].iloc[0])]
    assert final["value"].sum() == pytest.approx(run.total.population[0, -1].sum(), abs=1)


def test_a_share_target_without_foreign_data_is_named(tmp_path) -> None:
    scenario = tmp_path / "share.toml"
    scenario.write_text('name = "多文化共生"\n[foreign]\nshare = 10.8\nby = 2060\n', encoding="utf-8")
    result = runner.invoke(app, ["project", "--area", "40203", "-s", str(scenario), "--to", "2045"])
    assert result.exit_code == 0, result.output
    assert "シナリオ「多文化共生」の外国人比率の目標は" in result.output
