"""Hindcast of foreign residents from the 住基 外国人住民 tables alone: base B, compare at B+5.

Every municipality (designated cities whole) is projected from 1 January ``base_year`` with the
cohort change estimated from the tables dated up to ``base_year`` only, and compared with the
table of ``target_year``. Two naive forecasts made from the same tables are the yardstick:
the total held constant, and the total growing at its mean yearly rate over the same years the
method pooled (geometric). docs/accuracy-foreign.md prints the result by size of the foreign
population (scripts/foreign_hindcast.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STEP, WORKING
from sousei.demography.cohort_change import project_cohort_change
from sousei.demography.population import Population
from sousei.vision.foreign_history import foreign_change, foreign_table, history_years

SIZE_CLASSES = (0, 50, 200, 1_000, 5_000, np.inf)
SIZE_LABELS = ("50人未満", "50～199人", "200～999人", "1千～5千人", "5千人以上")
METHODS = {"cohort": "コーホート変化(本手法)", "growth": "総数の伸び率を延長", "constant": "総数一定"}


@dataclass(frozen=True)
class ForeignHindcast:
    base_year: int
    target_year: int
    pooled_years: tuple[int, ...]
    frame: pd.DataFrame  # one row per municipality: code, name, base, observed, forecasts, errors


def _common(years: list[int]) -> tuple[str, ...]:
    """Municipalities in every table used (today's codes)."""
    codes = set(foreign_table(years[0])[0])
    for year in years[1:]:
        codes &= set(foreign_table(year)[0])
    return tuple(sorted(codes))


def _values(year: int, regions: tuple[str, ...]) -> np.ndarray:
    codes, _, values = foreign_table(year)
    return values[pd.Index(codes).get_indexer(regions)]


def foreign_hindcast(base_year: int = 2016, target_year: int = 2021) -> ForeignHindcast:
    if (target_year - base_year) % AGE_STEP:
        raise ValueError("比較年は基準年から5年刻みにしてください")
    pooled = history_years(base_year)
    regions = _common([*pooled, target_year])
    base = Population(_values(base_year, regions), regions, base_year, "foreign")
    steps = (target_year - base_year) // AGE_STEP
    projected = project_cohort_change(base, foreign_change(regions, base_year), steps)
    forecast = projected.population[0, -1]
    observed = _values(target_year, regions)
    first = np.nansum(_values(pooled[0], regions), axis=(-2, -1))
    start = base.values.sum(axis=(-2, -1))
    years = base_year - pooled[0]
    yearly = np.divide(start, first, out=np.ones_like(start), where=first > 0) ** (1 / years)
    frame = pd.DataFrame({
        "code": regions,
        "name": [foreign_table(base_year)[1][foreign_table(base_year)[0].index(r)]
                 for r in regions],
        "base": start,
        "observed": observed.sum(axis=(-2, -1)),
        "cohort": forecast.sum(axis=(-2, -1)),
        "growth": start * yearly ** (target_year - base_year),
        "constant": start,
        "observed_working": observed[..., WORKING].sum(axis=(-2, -1)),
        "cohort_working": forecast[..., WORKING].sum(axis=(-2, -1)),
    })
    frame["size"] = pd.cut(frame["base"], SIZE_CLASSES, right=False, labels=SIZE_LABELS)
    return ForeignHindcast(base_year, target_year, tuple(pooled), frame)


def _error(forecast: pd.Series, observed: pd.Series) -> pd.Series:
    """Absolute percentage error; NaN where nothing was observed."""
    return (100 * (forecast - observed).abs() / observed).where(observed > 0)


def summary(result: ForeignHindcast) -> pd.DataFrame:
    """Per size class and all together: count, median and mean absolute % error of each method,
    the error of the class's sum (over- and under-estimates cancel), the working-age median."""
    frame = result.frame
    rows = []
    for label, part in [("全体", frame), *((s, frame[frame["size"] == s]) for s in SIZE_LABELS)]:
        row: dict[str, object] = {"class": label, "count": len(part)}
        for method in METHODS:
            errors = _error(part[method], part["observed"])
            row[f"{method}_median"] = errors.median()
            row[f"{method}_mean"] = errors.mean()
            row[f"{method}_sum"] = 100 * (part[method].sum() / part["observed"].sum() - 1)
        row["cohort_working_median"] = _error(part["cohort_working"],
                                              part["observed_working"]).median()
        rows.append(row)
    return pd.DataFrame(rows)
