"""The report's table of the changes that reach the target population (target seeking).

Solved on the report's own census-estimated baseline for its area (`sousei.vision.
target_seeking`), the target taken at the target year's projection date (1 October of a census
base, 1 January of a 住基 base)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sousei.demography.scenarios import BASELINE
from sousei.demography.target_seeking import TargetUnreachableError
from sousei.reports.table import Cell, ReportTable
from sousei.reports.vision_data import VisionData
from sousei.vision.run import run_projection
from sousei.vision.target_seeking import CENSUS_REFERENCE, LEVERS, TargetRequest, seek_target


def solved_table(data: VisionData, population: int, year: int) -> ReportTable | None:
    """One row per lever, or None when the report's run is not the census path."""
    request = data.request
    if request.assumptions != "census" or data.code not in request.regions:
        return None
    month, day = CENSUS_REFERENCE if request.base_year % 5 == 0 else (1, 1)
    date = dt.date(year, month, day)
    one = replace(request, regions=(data.code,), scenarios=(BASELINE,),
                  to_year=max(request.to_year, request.base_year + 5))
    body = []
    for lever, label in LEVERS.items():
        try:
            result = seek_target(one, TargetRequest(population, date, lever), run_projection,
                                 (month, day))
        except (TargetUnreachableError, ValueError) as error:
            body.append((Cell(label, emphasis=True), Cell(str(error)), Cell(None, "count")))
            continue
        body.append((Cell(label, emphasis=True), Cell(result.scenario.description),
                     Cell(result.without, "count")))
    return ReportTable(
        key="目標人口に必要な変化",
        title=f"{data.name} 目標人口の達成に必要な変化",
        header=((Cell("変える指標"), Cell("必要な変化"), Cell("基準推計")),),
        body=tuple(body),
        notes=("※基準推計からそれぞれ1つの指標だけを変えた場合です。5年ごとの推計の間は一定の"
               "増減率で補間しています。",),
        unit="人",
    )
