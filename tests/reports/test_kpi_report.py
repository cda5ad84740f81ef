"""The KPI report of the 16-KPI fixture workbook: summary counts against the evaluation,
merged headers and hierarchy, number formats, project sheets; the PDF's fonts and text."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from sousei.io.strategy.progress import read_progress_workbook
from sousei.reports.kpi import write_kpi_report
from sousei.strategy import Budget, Project, Role, evaluate_strategy, get_scheme
from tests.io.strategy.progress_fixture import build_progress_workbook
from tests.reports.pdf_tools import fonts, need, page_count, text

PROJECT = Project(
    "③物産展への出展事業",
    purpose="圏域の地場産品を共同で販売する。",
    roles=(Role("みらい市", "出展の総括と調整"), Role("連携市町", "出展品の調整")),
    partners=("みらい市", "かわべ市"),
    budgets=(Budget(2022, 2400), Budget(2023, 2450), Budget(2024, None)),
)


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory):
    path = build_progress_workbook(tmp_path_factory.mktemp("kpi") / "progress.xlsx")
    strategy = read_progress_workbook(path).strategy
    return evaluate_strategy(strategy, get_scheme("standard"), 2027)


@pytest.fixture(scope="module")
def workbook(evaluation, tmp_path_factory):
    files = write_kpi_report(evaluation, tmp_path_factory.mktemp("out"), [PROJECT], pdf=False)
    return load_workbook(files.xlsx)


def test_summary_counts_and_shares_are_numbers_from_the_evaluation(evaluation, workbook) -> None:
    ws = workbook["達成状況"]
    total = evaluation.total
    assert total.kpi_count == 16
    last = 4 + 2 * len(evaluation.goals)  # header on row 3, two rows per goal, then 合計
    assert ws.cell(row=last, column=1).value == "合計"
    assert ws.cell(row=last, column=3).value == 16
    for c, symbol in enumerate(evaluation.scheme.symbols, start=4):
        assert ws.cell(row=last, column=c).value == total.counts[symbol]
        share = ws.cell(row=last + 1, column=c)
        assert share.value == total.shares[symbol]
        assert share.number_format == '0"%"'
    assert f"A{last}:A{last + 1}" in {str(m) for m in ws.merged_cells.ranges}


def test_progress_sheet_merges_the_actuals_header_and_the_hierarchy(workbook) -> None:
    ws = workbook["事業一覧"]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert ws["G3"].value == "実績値"
    assert "G3:K3" in merged  # R7..R11, one column per fiscal year
    assert [ws.cell(row=4, column=c).value for c in range(7, 12)] == [
        "R7",
        "R8",
        "R9",
        "R10",
        "R11",
    ]
    assert "A5:A8" in merged  # basic goal 1 over its four KPIs
    assert ws["D5"].value == "起業支援による創業者数"
    assert ws["G5"].value == 8 and ws["G5"].number_format == '#,##0;"△"#,##0'
    # 創業者数 8 + 9 + 6 = 23 against 5年間に40件, prorated to 3/5: 24 -> 95.8%
    rate = ws.cell(row=5, column=ws.max_column)
    assert rate.value == pytest.approx(23 / 40 * 100) or rate.value == pytest.approx(23 / 24 * 100)
    assert rate.number_format == '0.0"%";"△"0.0"%"'


def test_project_sheet_has_roles_merged_and_budgets_in_thousand_yen(workbook) -> None:
    ws = workbook["事業1"]
    assert ws["A1"].value == "③物産展への出展事業"
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert "A4:A5" in merged  # 役割分担 over its two roles
    budgets = [ws.cell(row=8, column=c).value for c in range(2, 5)]
    assert budgets == [2400, 2450, None]
    assert ws.cell(row=8, column=2).number_format == '#,##0;"△"#,##0'


def test_kpi_pdf_embeds_the_japanese_font(evaluation, tmp_path: Path) -> None:
    need("chromium", "pdfinfo", "pdffonts", "pdftotext")
    files = write_kpi_report(evaluation, tmp_path)
    assert files.pdf is not None
    assert page_count(files.pdf) >= 3
    assert any("IPAexGothic" in f["name"] and f["emb"] == "yes" for f in fonts(files.pdf))
    body = text(files.pdf)
    assert "基本目標達成状況等一覧表(令和9年度時点)" in body
    assert "刑法犯認知件数" in body


def test_the_report_is_titled_from_the_strategy_and_names_the_scheme_in_japanese() -> None:
    from sousei.io.strategy.progress import read_progress_workbook
    from sousei.reports.html import render_document
    from sousei.reports.kpi import kpi_document

    examples = Path(__file__).resolve().parents[2] / "examples"
    strategy = read_progress_workbook(examples / "事業一覧.xlsx").strategy
    document = kpi_document(evaluate_strategy(strategy, get_scheme("standard"), 2025))
    assert document.title == "嘉麻市人口ビジョン・デジタル田園都市構想総合戦略 効果検証報告書"
    html = render_document(document)
    assert "評価方式: ○△×の3段階(達成率80%以上で○)" in html
    assert "standard" not in html and "事業一覧.xlsx" not in html
