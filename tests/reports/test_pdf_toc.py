"""Page numbers in the contents of a printed report: the KPI report of the 16-KPI workbook with
its landscape 事業一覧, project sheets and committee comments; each number equals the page on
which pdftotext finds the section heading. Plus the heading search on hand-made page texts."""

from __future__ import annotations

import pytest

from sousei.io.strategy.progress import read_progress_workbook
from sousei.reports.kpi import kpi_document, write_kpi_report
from sousei.reports.pdf_toc import heading_pages
from sousei.strategy import CommitteeComment, evaluate_strategy, get_scheme
from tests.io.strategy.progress_fixture import build_progress_workbook
from tests.reports.pdf_tools import contents_numbers, heading_page, need, page_count
from tests.reports.test_kpi_report import PROJECT

COMMENTS = (CommitteeComment("KPIの設定根拠を示してください。", sector="学"),)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    need("chromium", "pdftotext", "pdfinfo")
    path = build_progress_workbook(tmp_path_factory.mktemp("toc") / "progress.xlsx")
    evaluation = evaluate_strategy(read_progress_workbook(path).strategy,
                                   get_scheme("standard"), 2027)
    files = write_kpi_report(evaluation, tmp_path_factory.mktemp("out"), [PROJECT],
                             comments=COMMENTS)
    return kpi_document(evaluation, [PROJECT], COMMENTS), files.pdf


def test_contents_numbers_are_the_pages_of_the_headings(printed) -> None:
    document, pdf = printed
    titles = [s.title for s in document.sections]
    assert titles[-1] == "検証委員会の意見"
    numbers = contents_numbers(pdf, titles)
    pages = page_count(pdf)
    for k, title in enumerate(titles, start=1):
        assert numbers[title] == heading_page(pdf, f"{k}. {title}", pages), title
    assert list(numbers.values()) == sorted(numbers.values())
    assert numbers[titles[0]] == 2  # cover and contents on page 1


def test_heading_search_skips_the_contents_and_keeps_document_order() -> None:
    texts = ["表紙目次1.概要2.詳細", "1.概要本文", "本文の続き", "2.詳細ここ"]
    assert heading_pages(texts, [("a", "1. 概要"), ("b", "2. 詳細"), ("c", "3. なし")]) == {
        "a": 2, "b": 4}
