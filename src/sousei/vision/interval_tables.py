"""Prediction intervals of a projection run, shaped as the tables a planner reads.

The bands (vision/intervals.py) are put around every scenario's total population: the error
model describes the method, and a scenario changes the assumptions, not the method's
uncertainty. Each area's size class is that of its base population; a sum of areas (a
partnership) is one area of its own size, since errors of neighbours partly cancel.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sousei.demography.runner import ScenarioRun
from sousei.vision.intervals import LEVELS, band
from sousei.vision.tables import run_indicators, scenario_label

BOUND_LABELS = {"lower": "下限", "upper": "上限"}


def total_bands(run: ScenarioRun, combined: bool = False) -> dict[str, np.ndarray]:
    """``lower_80``, ``upper_80``, ``lower_95``, ``upper_95`` as (scenario, year, region)."""
    totals = run_indicators(run, combined=combined)["total"]
    years = tuple(run.total.years)
    per_region = np.moveaxis(totals, 1, -1)  # (scenario, region, year)
    base_population = np.broadcast_to(per_region[0, :, 0], per_region.shape[:2])
    bands: dict[str, np.ndarray] = {}
    for level in LEVELS:
        lower, upper = band(per_region, base_population, years[0], years, level)
        bands[f"lower_{level}"] = np.moveaxis(lower, -1, 1)
        bands[f"upper_{level}"] = np.moveaxis(upper, -1, 1)
    return bands


def interval_table(run: ScenarioRun, region: int | None) -> pd.DataFrame:
    """Rows (シナリオ, 指標) x years: the total and its 80% and 95% bounds, one area or the sum."""
    combined = region is None
    index = 0 if combined else region
    totals = run_indicators(run, combined=combined)["total"]
    bands = total_bands(run, combined=combined)
    rows, data = [], []
    for k in range(len(run.scenarios)):
        label = scenario_label(run, k)
        rows.append((label, "総人口"))
        data.append(totals[k, :, index])
        for level in LEVELS:
            for bound, word in BOUND_LABELS.items():
                rows.append((label, f"総人口 {level}%予測区間 {word}"))
                data.append(bands[f"{bound}_{level}"][k, :, index])
    frame = pd.DataFrame(np.array(data), columns=list(run.total.years))
    frame.index = pd.MultiIndex.from_tuples(rows, names=["シナリオ", "指標"])
    return frame


def interval_frame(run: ScenarioRun) -> pd.DataFrame:
    """Every area, year and scenario: total, lower_80, upper_80, lower_95, upper_95 (long)."""
    totals = run_indicators(run)["total"]
    bands = total_bands(run)
    k, y, r = (axis.ravel() for axis in np.indices(totals.shape))
    labels = np.array([scenario_label(run, i) for i in range(len(run.scenarios))], dtype=object)
    frame = pd.DataFrame({
        "area_code": np.array(run.total.regions, dtype=object)[r],
        "year": np.array(run.total.years)[y],
        "scenario": labels[k],
        "total": totals.ravel(),
    })
    for name, values in bands.items():
        frame[name] = values.ravel()
    return frame
