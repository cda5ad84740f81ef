"""Reports for `make demo`: a 人口ビジョン for one city and a KPI report from a workbook."""

from __future__ import annotations

from pathlib import Path

from sousei.demography.scenarios import BASELINE, MigrationDelta, Scenario, TfrPath
from sousei.io.strategy.progress import read_progress_workbook
from sousei.reports.kpi import write_kpi_report
from sousei.reports.pdf import PdfPrinter
from sousei.reports.vision import ReportFiles, write_vision_report
from sousei.reports.vision_data import vision_data
from sousei.reports.vision_outlook import VisionOutlook
from sousei.strategy import evaluate_strategy, get_scheme
from sousei.vision.areas import data_codes
from sousei.vision.run import ProjectionRequest

DEMO_SCENARIO = Scenario(
    name="出生率向上と若者定着",
    tfr=TfrPath(((2040, 1.8),), relative=False),
    migration=(MigrationDelta(10, 29, 0.025),),  # 0.5 points a year = 2.5 per 5-year period
    description="合計特殊出生率を2040年に1.8へ、若い世代(10～29歳)の純移動率を毎年0.5ポイント改善",
)


def write_demo_reports(
    out_dir: str | Path, progress_workbook: str | Path | None = None, area: str = "久留米市"
) -> list[ReportFiles]:
    """Vision report of ``area`` (baseline and one scenario) into ``out_dir/vision``, and, when
    a progress workbook is given, its KPI report into ``out_dir/kpi``."""
    out = Path(out_dir)
    request = ProjectionRequest(data_codes([area]), scenarios=(BASELINE, DEMO_SCENARIO))
    (data,) = vision_data(request)
    written = []
    with PdfPrinter() as printer:
        outlook = VisionOutlook(DEMO_SCENARIO.name)  # the scenario doubles as the 将来展望
        written.append(write_vision_report(data, out / "vision", printer, outlook=outlook))
        if progress_workbook is not None:
            strategy = read_progress_workbook(progress_workbook).strategy
            evaluation = evaluate_strategy(strategy, get_scheme("standard"))
            written.append(write_kpi_report(evaluation, out / "kpi", printer=printer))
    return written
