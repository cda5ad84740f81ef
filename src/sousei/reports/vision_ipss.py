"""IPSS 2018 and 2023 beside the projection in the 人口ビジョン report: a table and chart lines.

A 人口ビジョン written now compares the municipality's own projection with both of 社人研's:
2018's, which the first plans followed, and 2023's, the latest. The table carries the years of
either (2015-2045 and 2025-2050) with the baseline's total on its own years; a year without a
figure prints —.
"""

from __future__ import annotations

import numpy as np

from sousei.reports.table import Cell, ReportTable
from sousei.reports.vision_data import VisionData
from sousei.vision.ipss_reference import SOURCES, IpssFigures, ipss_figures
from sousei.vision.tables import IPSS_INDICATORS


def report_ipss(data: VisionData) -> list[IpssFigures]:
    """Both editions for the report's municipality (those that cover it)."""
    return ipss_figures((data.code,))


def ipss_table(data: VisionData) -> ReportTable | None:
    """基準推計 total and each IPSS edition's total and three age groups on the union of years."""
    editions = report_ipss(data)
    if not editions:
        return None
    years = sorted({*data.years, *(year for f in editions for year in f.years)})
    baseline = dict(zip(data.years, data.population(0).sum(axis=(-2, -1)), strict=True))

    def row(label: str, points: dict[int, float]) -> tuple[Cell, ...]:
        return (Cell(label, emphasis=True),
                *(Cell(float(points.get(year, np.nan)), "count") for year in years))

    rows = [row("基準推計 総人口", baseline)]
    for f in editions:
        rows += [row(f"{f.label} {name}", f.column(group))
                 for group, name in IPSS_INDICATORS.items()]
    notes = tuple(f"※{f.label}: {SOURCES[f.edition]}。" for f in editions)
    return ReportTable(
        key="推計_社人研推計との比較",
        title=f"{data.name} 基準推計と社人研推計(平成30年・令和5年推計)",
        header=((Cell("区分"), *(Cell(year, "year") for year in years)),),
        body=tuple(rows),
        notes=(*notes, "※推計のない年は—です。"),
        unit="人",
    )
