"""Print defects checked by structure (page text, images, lines), never by bytes: no near-empty
page, short labels on one line, KPI counts in whole numbers on the goal chart."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from matplotlib.figure import Figure

from sousei.io.strategy.progress import read_progress_workbook
from sousei.reports.kpi import achievement_chart, write_kpi_report
from sousei.reports.pdf import PdfPrinter
from sousei.reports.vision import write_vision_report
from sousei.reports.vision_data import vision_data
from sousei.strategy import evaluate_strategy, get_scheme
from sousei.vision.areas import data_codes
from sousei.vision.run import ProjectionRequest
from tests.reports.pdf_tools import need, page_count

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NEAR_EMPTY = 300  # characters: a page with less text than this and no picture is a defect


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf),
                           "-"], capture_output=True, text=True, check=True).stdout


def _pages_with_images(pdf: Path) -> set[int]:
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    return {int(line.split()[0]) for line in listing if line.strip()}


def _near_empty(pdf: Path) -> list[int]:
    pictures = _pages_with_images(pdf)
    return [p for p in range(2, page_count(pdf) + 1)
            if p not in pictures and len("".join(_page_text(pdf, p).split())) < NEAR_EMPTY]


def _evaluation():
    strategy = read_progress_workbook(EXAMPLES / "事業一覧.xlsx").strategy
    return evaluate_strategy(strategy, get_scheme("standard"), 2025)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    need("chromium", "pdfinfo", "pdftotext", "pdfimages")
    out = tmp_path_factory.mktemp("pdf")
    (data,) = vision_data(ProjectionRequest(data_codes(["久留米市"])))  # no scenario
    with PdfPrinter() as printer:
        vision = write_vision_report(data, out / "vision", printer).pdf
        kpi = write_kpi_report(_evaluation(), out / "kpi", printer=printer).pdf
    return vision, kpi


def test_no_page_after_the_cover_is_near_empty(pdfs) -> None:
    vision, kpi = pdfs
    assert _near_empty(vision) == []
    assert _near_empty(kpi) == []


def test_age_transitions_and_departments_print_on_one_line(pdfs) -> None:
    vision, kpi = pdfs
    lines = subprocess.run(["pdftotext", "-layout", str(vision), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert "15～19歳→20～24歳" in lines
    progress = subprocess.run(["pdftotext", "-layout", str(kpi), "-"], capture_output=True,
                              text=True, check=True).stdout
    for department in ("産業振興課", "子育て支援課", "総合政策課"):
        assert department in progress, department
    assert "総合評価" in progress


def test_the_goal_chart_counts_kpis_in_whole_numbers() -> None:
    chart = achievement_chart(_evaluation())
    figure = Figure(figsize=chart.size)
    chart.draw(figure)
    figure.canvas.draw()
    ticks = [t for t in figure.axes[0].get_xticks() if t >= 0]
    assert ticks and all(float(t).is_integer() for t in ticks)
