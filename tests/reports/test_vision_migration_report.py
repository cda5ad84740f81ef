"""The current-state sheets of the 人口ビジョン report: net migration by age and sex (census),
natural and social change (a vital statistics file) and the 住基 population (a population file).

Figures are the library's, which tests/vision/test_net_migration.py checks by hand against the
census CSV; the vital statistics are the made-up file of tests/test_vital_stats.py, checked by
hand here. The 住基 file is 久留米市's 2010/2015 census split 99% / 1% into Japanese and foreign.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from sousei.cli import app
from sousei.demography.ages import FEMALE, MALE
from sousei.io.flows.vital_stats import read_vital_statistics
from sousei.io.population.convert import population_to_frame
from sousei.io.population.long_format import write_long_csv
from sousei.reports.pdf import PdfPrinter
from sousei.reports.vision import write_vision_report
from sousei.reports.vision_data import user_vision_data, vision_data, with_vital
from sousei.vision.inputs import census_history
from sousei.vision.net_migration import TRANSITIONS, organisation_net_migration
from sousei.vision.run import ProjectionRequest
from tests.reports.pdf_tools import need, text

COUNT = '#,##0;"△"#,##0'
VITAL = "年,出生,死亡,転入,転出\n2018,2787,2988,11650,11900\n2019,2693,3010,11802,11630\n"


@pytest.fixture(scope="module")
def census_report(tmp_path_factory):
    (data,) = vision_data(ProjectionRequest(("40203",), to_year=2030))
    vital = read_vital_statistics(VITAL.encode(), "vital.csv")
    (data,) = with_vital([data], vital, "人口動態(vital.csv)")
    return write_vision_report(data, tmp_path_factory.mktemp("vision"), pdf=False)


def test_net_migration_sheet_holds_the_census_residuals(census_report) -> None:
    ws = load_workbook(census_report.xlsx)["現状_年齢別純移動数"]
    assert [ws.cell(row=3, column=c).value for c in range(1, 10)] == [
        "性別", "年齢(期首→期末)", "1980→1985年", "1985→1990年", "1990→1995年",
        "1995→2000年", "2000→2005年", "2005→2010年", "2010→2015年",
    ]
    expected = organisation_net_migration(["40203"]).persons
    row = 4 + TRANSITIONS.index("20～24歳→25～29歳")
    assert ws.cell(row=row, column=2).value == "20～24歳→25～29歳"
    assert ws.cell(row=row, column=9).value == pytest.approx(expected[-1, 0, MALE, 4])
    assert ws.cell(row=row, column=9).number_format == COUNT
    assert ws.cell(row=row, column=9).value < -900  # as checked by hand from the census CSV
    women_total = 4 + 2 * 19 - 1
    assert ws.cell(row=women_total, column=2).value == "計"
    assert ws.cell(row=women_total, column=3).value == pytest.approx(
        expected[0, 0, FEMALE].sum()
    )
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {"A4:A22", "A23:A41"} <= merged
    assert (ws["A4"].value, ws["A23"].value) == ("男性", "女性")


def test_vital_sheets_run_the_years_across_as_published(census_report) -> None:
    natural = load_workbook(census_report.xlsx)["現状_自然動態"]
    rows = {natural.cell(row=r, column=1).value: r for r in range(3, natural.max_row + 1)}
    assert [natural.cell(row=3, column=c).value for c in range(1, 4)] == ["年", 2018, 2019]
    # 2018: 2,787 - 2,988 = △201; 2019: 2,693 - 3,010 = △317.
    assert [natural.cell(row=rows["自然増減"], column=c).value for c in (2, 3)] == [-201, -317]
    assert natural.cell(row=rows["出生"], column=2).value == 2787
    assert natural.cell(row=rows["自然増減"], column=2).number_format == COUNT
    social = load_workbook(census_report.xlsx)["現状_社会動態"]
    rows = {social.cell(row=r, column=1).value: r for r in range(3, social.max_row + 1)}
    assert [social.cell(row=rows["社会増減"], column=c).value for c in (2, 3)] == [-250, 172]


def test_ten_years_a_block_and_fiscal_years_say_nendo(tmp_path) -> None:
    from sousei.reports.vision_migration import vital_tables

    lines = ["年度,出生,死亡,転入,転出"] + [f"{y},{2900 - y % 7},3000,12000,{11900 + y % 5}"
                                         for y in range(2008, 2021)]
    vital = read_vital_statistics("\n".join(lines).encode(), "vital.csv")
    (data,) = vision_data(ProjectionRequest(("40203",), to_year=2030))
    (data,) = with_vital([data], vital, "人口動態(vital.csv)")
    natural, _ = vital_tables(data)
    assert [c.value for c in natural.header[0][:3]] == ["年度", 2008, 2009]
    assert len(natural.header[0]) == 11  # 区分 + ten years
    second = next(row for row in natural.body if row[0] is not None and row[0].value == "年度")
    assert [c.value for c in second[1:4] if c is not None] == [2018, 2019, 2020]
    assert second[4] is None


def test_charts_of_the_current_state(census_report) -> None:
    names = {p.name for p in census_report.charts}
    assert {"年齢別純移動数.png", "年齢別純移動数.svg", "自然増減・社会増減.png"} <= names


def test_report_without_inputs_keeps_its_sheets_and_adds_net_migration(tmp_path) -> None:
    (data,) = vision_data(ProjectionRequest(("40203",), to_year=2030))
    files = write_vision_report(data, tmp_path, pdf=False)
    names = load_workbook(files.xlsx).sheetnames
    assert "現状_年齢別純移動数" in names
    assert "現状_住民基本台帳人口" not in names  # no population file given
    assert names[0] == "現状_年齢3区分別人口"
    # Without a vital statistics file the shipped 住基 tables give FY2012-2020 and the
    # Japanese/foreign totals (久留米市, 2103ssjin.xlsx: 2020 births 2,509, deaths 3,242).
    assert [y.year for y in data.vital] == list(range(2012, 2021))
    assert (data.vital[-1].births, data.vital[-1].deaths) == (2_509, 3_242)
    assert "住民基本台帳" in data.vital_source
    totals = load_workbook(files.xlsx)["現状_日本人・外国人"]
    rows = [r for r in totals.iter_rows(values_only=True) if r[0] and str(r[0])[:2] == "20"]
    assert rows[0][0] == "2013/03/31" and rows[-1][0] == "2021/01/01"
    assert rows[-1][1] == rows[-1][2] + rows[-1][3]


def _split_file(folder: Path) -> Path:
    frame = population_to_frame(census_history(["40203"]).at(2015))
    parts = [
        frame.assign(nationality=kind, year=year, value=(frame["value"] * share).round())
        for year in (2010, 2015)
        for kind, share in (("japanese", 0.99), ("foreign", 0.01))
    ]
    path = folder / "juki.csv"
    write_long_csv(pd.concat(parts, ignore_index=True), path)
    return path


def test_resident_sheet_from_the_users_population_file(tmp_path) -> None:
    from sousei.io.population.long_format import read_long

    path = _split_file(tmp_path)
    frame = read_long(path)
    request = ProjectionRequest((), 2015, 2030)
    (data,) = user_vision_data(frame, request, "住民基本台帳(juki.csv)")
    files = write_vision_report(data, tmp_path / "out", pdf=False)
    ws = load_workbook(files.xlsx)["現状_住民基本台帳人口"]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {"A3:A4", "B3:D3", "E3:G3"} <= merged
    assert (ws["B3"].value, ws["E3"].value) == ("日本人", "外国人")
    at = frame[(frame.year == 2015) & (frame.sex == "M") & (frame.age_start == 0)]
    japanese = float(at[at.nationality == "japanese"].value.iloc[0])
    foreign = float(at[at.nationality == "foreign"].value.iloc[0])
    assert (ws["A5"].value, ws["B5"].value, ws["E5"].value) == ("0～4歳", japanese, foreign)
    assert ws["B5"].number_format == COUNT
    assert ws["A24"].value == "総数"
    total = frame[(frame.year == 2015) & (frame.nationality == "foreign")].value.sum()
    assert ws["G24"].value == pytest.approx(total)
    assert "出典: 住民基本台帳(juki.csv)" in [ws.cell(row=r, column=1).value for r in range(25, 28)]


def test_cli_takes_population_and_vital_files(tmp_path) -> None:
    population = _split_file(tmp_path)
    vital = tmp_path / "vital.csv"
    vital.write_text(VITAL, encoding="utf-8")
    result = CliRunner().invoke(app, [
        "report", "vision", "--population", str(population), "--vital", str(vital),
        "--to", "2030", "--out", str(tmp_path / "out"), "--no-pdf",
    ])
    assert result.exit_code == 0, result.output
    (xlsx,) = (tmp_path / "out").glob("*.xlsx")
    names = load_workbook(xlsx).sheetnames
    assert {"現状_住民基本台帳人口", "現状_自然動態", "現状_社会動態", "現状_年齢別純移動数"} <= set(names)


def test_cli_refuses_a_bad_vital_file(tmp_path) -> None:
    vital = tmp_path / "vital.csv"
    vital.write_text(VITAL.replace("2988", "-2988"), encoding="utf-8")
    result = CliRunner().invoke(app, [
        "report", "vision", "--area", "40203", "--vital", str(vital), "--to", "2030",
        "--out", str(tmp_path / "out"), "--no-pdf",
    ])
    assert result.exit_code == 1  # an input refused
    assert "ファイル vital.csv、2行目、列 deaths" in result.output
    assert not (tmp_path / "out").exists()


def test_pdf_prints_the_new_tables_in_japanese(tmp_path) -> None:
    need("chromium", "pdftotext")
    (data,) = vision_data(ProjectionRequest(("40203",), to_year=2030))
    (data,) = with_vital([data], read_vital_statistics(VITAL.encode(), "v.csv"), "人口動態(v.csv)")
    with PdfPrinter() as printer:
        files = write_vision_report(data, tmp_path, printer)
    body = text(files.pdf)
    assert "年齢階級別純移動数の時系列分析" in body
    assert "自然増減・社会増減の推移" in body and "△201" in body
