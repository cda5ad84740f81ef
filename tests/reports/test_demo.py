"""`write_demo_reports`: what `make demo` calls to fill var/reports/."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from sousei.reports.demo import write_demo_reports
from tests.io.strategy.progress_fixture import build_progress_workbook
from tests.reports.pdf_tools import need


def test_demo_writes_a_vision_and_a_kpi_report(tmp_path: Path) -> None:
    need("chromium")
    workbook = build_progress_workbook(tmp_path / "progress.xlsx")
    vision, kpi = write_demo_reports(tmp_path / "reports", workbook)
    assert vision.pdf is not None and vision.pdf.stat().st_size > 50_000
    assert kpi.pdf is not None and kpi.pdf.parent.name == "kpi"
    sheet = load_workbook(vision.xlsx)["シミュレーション"]
    labels = {sheet.cell(row=r, column=1).value for r in range(4, sheet.max_row + 1)}
    assert "出生率向上と若者定着" in labels
