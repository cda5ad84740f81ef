"""Committee comments: read from CSV and XLSX (errors naming file, sheet, row and column), and
the 「検証委員会の意見」 section of the KPI report (sheet values, date format, merges, HTML)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from sousei.io.errors import WorkbookError
from sousei.io.strategy.comments import read_comments
from sousei.io.strategy.progress import read_progress_workbook
from sousei.reports.html import render_document
from sousei.reports.kpi import kpi_document, write_kpi_report
from sousei.reports.vision_outlook import PopulationTarget
from sousei.strategy import CommitteeComment, evaluate_strategy, get_scheme
from tests.io.strategy.progress_fixture import build_progress_workbook

CSV = """区分,対象,委員の区分,日付,意見
KPI,店舗改装件数,金,2025/3/10,改装後の売上の変化も把握してください。
基本目標,(1) 安定した雇用を生み出す,産,令和7年3月10日,創業後の定着率を指標に加えてはどうか。
全体,,学,,KPIの設定根拠を示してください。
KPI,起業支援による創業者数,,2025-03-11,相談件数との関係を分析してください。
"""


@pytest.fixture(scope="module")
def strategy(tmp_path_factory):
    path = build_progress_workbook(tmp_path_factory.mktemp("kpi") / "progress.xlsx")
    return read_progress_workbook(path).strategy


def test_csv_is_read_with_dates_in_three_spellings(strategy, tmp_path: Path) -> None:
    path = tmp_path / "意見.csv"
    path.write_text(CSV, encoding="utf-8-sig")
    comments = read_comments(path, strategy)
    assert comments[0] == CommitteeComment(
        "改装後の売上の変化も把握してください。", "KPI", "店舗改装件数", "金", date(2025, 3, 10)
    )
    assert comments[1].given_on == date(2025, 3, 10)  # 令和7年
    assert comments[2].target_kind == "全体" and comments[2].given_on is None
    assert comments[3].sector == "" and comments[3].given_on == date(2025, 3, 11)


def test_xlsx_problems_name_sheet_row_and_column(strategy, tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.title = "意見"
    ws.append(["区分", "対象", "委員の区分", "日付", "意見"])
    ws.append(["KPI", "店舗改装件数", "産", date(2025, 3, 10), "よい取組です。"])
    ws.append(["KPI", "存在しないKPI", "農", "3月10日", ""])
    path = tmp_path / "意見.xlsx"
    book.save(path)
    with pytest.raises(WorkbookError) as caught:
        read_comments(path, strategy)
    problems = {(p.sheet, p.row, p.column): p.message for p in caught.value.problems}
    assert problems[("意見", 3, "E")] == "意見が空です"
    assert problems[("意見", 3, "B")] == "KPI「存在しないKPI」は事業一覧にありません"
    assert "産・官・学・金・労・言・士" in problems[("意見", 3, "C")]
    assert "日付として読めません" in problems[("意見", 3, "D")]
    assert "意見.xlsx" in str(caught.value)


def test_a_file_without_the_comment_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("対象,日付\nx,2025/1/1\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match="見出し「意見」がありません"):
        read_comments(path)


@pytest.fixture(scope="module")
def report(strategy, tmp_path_factory):
    folder = tmp_path_factory.mktemp("comments")
    path = folder / "意見.csv"
    path.write_text(CSV, encoding="utf-8-sig")
    comments = read_comments(path, strategy)
    evaluation = evaluate_strategy(strategy, get_scheme("standard"), 2027)
    files = write_kpi_report(evaluation, folder / "out", pdf=False, comments=comments)
    return evaluation, comments, files


def test_comments_sheet_orders_by_target_and_keeps_dates_as_dates(report) -> None:
    _, _, files = report
    ws = load_workbook(files.xlsx)["委員会意見"]
    assert ws["A1"].value == "検証委員会の意見"
    assert [ws.cell(row=3, column=c).value for c in range(1, 6)] == [
        "区分", "対象", "委員の区分", "日付", "意見"]
    assert [ws.cell(row=r, column=1).value for r in range(4, 8)] == [
        "全体", "基本目標", "KPI", None]
    # KPIs in the order of the 事業一覧: 起業支援による創業者数 before 店舗改装件数.
    assert ws["B6"].value == "起業支援による創業者数"
    assert ws["B7"].value == "店舗改装件数"
    assert "A6:A7" in {str(m) for m in ws.merged_cells.ranges}
    assert ws["B4"].value == "総合戦略全体"
    assert ws["C4"].value == "学"
    assert ws["D7"].value.date() == date(2025, 3, 10)
    assert ws["D7"].number_format == "yyyy/m/d"
    assert ws["C6"].value == "—"


def test_html_has_the_section_with_counts_by_sector_and_the_target_population(report) -> None:
    evaluation, comments, _ = report
    target = PopulationTarget(300_000, 2040, "出生率向上")
    html = render_document(kpi_document(evaluation, comments=comments, target=target))
    assert "検証委員会から4件の意見をいただきました。委員の区分別では産1件、学1件、金1件です。" in html
    assert '<a href="#comments"><span class="toc-title">検証委員会の意見</span>' in html
    assert "2025/3/10" in html
    assert "人口ビジョンの将来展望「出生率向上」では、令和22(2040)年の目標人口を300,000人としています。" in html


def test_no_comments_no_section(report) -> None:
    evaluation, _, _ = report
    assert "comments" not in [s.key for s in kpi_document(evaluation).sections]
