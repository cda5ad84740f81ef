"""The 人口ビジョン report of 久留米市: XLSX values against the library, formats, merges; PDF
pages, embedded fonts and Japanese text."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from openpyxl import load_workbook

from sousei.demography.scenarios import BASELINE, Scenario, TfrPath
from sousei.reports.pdf import PdfPrinter
from sousei.reports.vision import write_vision_report
from sousei.reports.vision_data import vision_data
from sousei.vision.areas import data_codes
from sousei.vision.run import ProjectionRequest
from sousei.vision.tables import simulation_table
from tests.reports.pdf_tools import fonts, need, page_count, render_page, text

SCENARIO = Scenario("出生率1.8", tfr=TfrPath(((2040, 1.8),), relative=False))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    need("chromium", "pdfinfo", "pdffonts", "pdftotext", "pdftoppm")
    request = ProjectionRequest(data_codes(["久留米市"]), scenarios=(BASELINE, SCENARIO))
    (data,) = vision_data(request)
    out = tmp_path_factory.mktemp("vision")
    with PdfPrinter() as printer:
        files = write_vision_report(data, out, printer)
    return data, files


def test_census_sheet_holds_the_published_2015_total_as_a_number(report) -> None:
    _, files = report
    ws = load_workbook(files.xlsx)["現状_年齢3区分別人口"]
    assert ws["A3"].value == "区分"
    years = [ws.cell(row=3, column=c).value for c in range(2, 10)]
    assert years == [1980, 1985, 1990, 1995, 2000, 2005, 2010, 2015]
    assert ws["A4"].value == "総人口"
    # 国勢調査 2015, 久留米市: 304,552 persons (published total incl. 年齢不詳)
    assert ws["I4"].value == 304_552
    assert ws["I4"].number_format == '#,##0;"△"#,##0'
    assert ws["A10"].value == "高齢化率"
    assert ws["I10"].number_format == '0.0%;"△"0.0%'
    assert 0.2 < ws["I10"].value < 0.3


def test_simulation_sheet_matches_the_library_table_and_merges_scenarios(report) -> None:
    data, files = report
    expected = simulation_table(data.run, data.region)
    ws = load_workbook(files.xlsx)["シミュレーション"]
    got = {}
    scenario = None
    for r in range(4, 4 + len(expected)):
        scenario = ws.cell(row=r, column=1).value or scenario
        label = ws.cell(row=r, column=2).value
        got[(scenario, label)] = [ws.cell(row=r, column=c).value for c in range(3, 13)]
    for key, series in expected.iterrows():
        np.testing.assert_allclose(got[key], series.to_numpy())
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert "A4:A10" in merged  # 基準推計: 7 indicator rows
    assert any(m.startswith("A11:") for m in merged)  # the scenario block with its differences


def test_pyramid_sheet_has_merged_year_headers_and_sums(report) -> None:
    data, files = report
    ws = load_workbook(files.xlsx)["人口ピラミッド"]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {"A3:A4", "B3:D3", "E3:G3"} <= merged
    assert (ws["B3"].value, ws["E3"].value) == (2015, 2060)
    assert [ws.cell(row=4, column=c).value for c in range(2, 8)] == ["男", "女", "計"] * 2
    final = data.population(0)[-1]
    assert ws["G24"].value == pytest.approx(final.sum())
    assert ws["E5"].value == pytest.approx(final[0, 0])


def test_pdf_is_a4_with_an_embedded_japanese_font_and_japanese_text(report, tmp_path) -> None:
    _, files = report
    assert files.pdf is not None
    pages = page_count(files.pdf)
    assert pages >= 7  # cover and contents, then six sections on new pages
    embedded = [f for f in fonts(files.pdf) if f["emb"] == "yes"]
    assert any("IPAexGothic" in f["name"] for f in embedded)
    body = text(files.pdf)
    assert "久留米市 人口ビジョン" in body
    assert "目次" in body
    assert "令和42(2060)年" in body  # years in prose
    assert "304,552" in body
    assert "社人研推計(令和5年推計)" in body and "299,292" in body  # IPSS 2023, 2025
    assert re.search(rf"\b{pages}\s*/\s*{pages}\b", body)  # "8 / 8" in the last footer
    page = render_page(files.pdf, 3, tmp_path / "page")
    assert page.stat().st_size > 10_000


def test_charts_are_written_as_png_and_svg(report) -> None:
    _, files = report
    names = {p.name for p in files.charts}
    assert {"年齢3区分別人口.png", "年齢3区分別人口.svg", "人口ピラミッド_2060.png"} <= names
    assert all(p.stat().st_size > 1000 for p in files.charts)


def test_html_has_the_table_of_contents_and_no_pdf_needed(tmp_path: Path) -> None:
    (data,) = vision_data(ProjectionRequest(data_codes(["40203"]), to_year=2030))
    files = write_vision_report(data, tmp_path, pdf=False)
    assert files.pdf is None
    html = files.html.read_text(encoding="utf-8")
    assert '<a href="#projection"><span class="toc-title">将来人口推計</span>' in html
    assert '<a href="#published"><span class="toc-title">社人研推計との比較</span>' in html
    assert "平成27(2015)年" in html


def test_pdf_contents_give_the_page_of_each_section(report) -> None:
    from sousei.reports.vision import vision_document
    from tests.reports.pdf_tools import contents_numbers, heading_page

    data, files = report
    titles = [s.title for s in vision_document(data).sections]
    numbers = contents_numbers(files.pdf, titles)
    pages = page_count(files.pdf)
    for k, title in enumerate(titles, start=1):
        assert numbers[title] == heading_page(files.pdf, f"{k}. {title}", pages), title
