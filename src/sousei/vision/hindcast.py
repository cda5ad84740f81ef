"""Hindcast: project from an earlier census with only what was known then, compare with 2015.

This is how we measure the engine's accuracy on real data (docs/accuracy.md): every
municipality, assumptions estimated from census pairs and life tables up to the base year.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STEP
from sousei.demography.cohort_component import project_cohort_component
from sousei.demography.indicators import age_group_totals
from sousei.io.reference import shipped
from sousei.vision.inputs import CensusHistory, census_history
from sousei.vision.method import DEFAULT_METHOD, CensusMethod, census_assumptions

SIZE_CLASSES = (0, 5_000, 20_000, 50_000, 100_000, 300_000, np.inf)
SIZE_LABELS = ("5千人未満", "5千～2万人", "2万～5万人", "5万～10万人", "10万～30万人", "30万人以上")
FUKUSHIMA = "07"


@dataclass(frozen=True)
class Hindcast:
    base_year: int
    target_year: int
    errors: pd.DataFrame  # one row per municipality: code, size class, % errors


def hindcast(
    base_year: int,
    target_year: int = 2015,
    migration_periods: int | None = None,
    method: CensusMethod = DEFAULT_METHOD,
) -> Hindcast:
    """Every municipality projected from ``base_year`` to ``target_year`` under ``method``
    (``migration_periods`` overrides the method's number of census periods), beside the naive
    extrapolation: each town's growth of the period before the base carried forward."""
    if migration_periods is not None:
        method = replace(method, migration_periods=migration_periods)
    history = census_history()
    steps = (target_year - base_year) // AGE_STEP
    assumptions = census_assumptions(history, base_year, steps, method)
    projection = project_cohort_component(history.at(base_year), assumptions, steps)
    projected = age_group_totals(projection.population[0, -1])
    observed = age_group_totals(history.population[history.years.index(target_year)])
    observed["total"] = history.observed_total[history.years.index(target_year)]
    base_total = history.observed_total[history.years.index(base_year)]
    naive = naive_extrapolation(history, base_year, target_year)
    frame = pd.DataFrame({"area_code": history.regions, "name": history.names})
    frame["base_population"] = base_total
    frame["size_class"] = pd.cut(base_total, SIZE_CLASSES, labels=SIZE_LABELS, right=False)
    for name in ("total", "child", "working", "elderly"):
        with np.errstate(divide="ignore", invalid="ignore"):
            frame[f"{name}_error_pct"] = 100 * (projected[name] - observed[name]) / observed[name]
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["naive_total_error_pct"] = 100 * (naive - observed["total"]) / observed["total"]
    frame["fukushima"] = frame["area_code"].str[:2] == FUKUSHIMA
    return Hindcast(base_year, target_year, frame)


def naive_extrapolation(history: CensusHistory, base_year: int, target_year: int) -> np.ndarray:
    """Totals (region,) growing at the rate of the five years before the base, compounded.

    The benchmark any cohort-component method must beat: P(B + h) = P(B) x (P(B) / P(B - 5))^(h/5).
    A town empty at B - 5 is held at its base total.
    """
    total = history.observed_total
    base = total[history.years.index(base_year)]
    before = total[history.years.index(base_year - AGE_STEP)]
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.where(before > 0, base / before, 1.0)
    return base * growth ** ((target_year - base_year) / AGE_STEP)


def error_summary(result: Hindcast, exclude_fukushima: bool = False) -> pd.DataFrame:
    """Median and mean absolute % error by size class and overall, for each indicator.

    Municipalities whose observed value is zero (Fukushima's evacuated towns in 2015) have no
    percentage error and are left out of the statistics, and counted apart.
    """
    frame = result.errors
    if exclude_fukushima:
        frame = frame[~frame["fukushima"]]
    rows = []
    groups = [("全体", frame)] + [
        (label, frame[frame["size_class"] == label]) for label in SIZE_LABELS
    ]
    for label, part in groups:
        row: dict[str, object] = {"size_class": label, "municipalities": len(part)}
        for name in ("total", "child", "working", "elderly", "naive_total"):
            errors = part[f"{name}_error_pct"].replace([np.inf, -np.inf], np.nan).dropna().abs()
            row[f"{name}_median"] = errors.median()
            row[f"{name}_mean"] = errors.mean()
        rows.append(row)
    return pd.DataFrame(rows)


CENSUS_2020_TOTAL = 126_146_099  # 令和2年国勢調査 総人口 (年齢不詳を含む), shared/data/jlstat_national


def national_hindcast(
    base_year: int = 2015,
    target_year: int = 2020,
    method: CensusMethod = DEFAULT_METHOD,
    observed_total: float = CENSUS_2020_TOTAL,
) -> pd.DataFrame:
    """Every municipality projected and summed, against the national census by age group.

    The shipped national census of ``target_year`` excludes 年齢不詳, so the observed groups
    are its known-age counts scaled to ``observed_total`` (the same proportional allocation
    the municipal tables get). This is the one check against 2020 the repository allows.
    """
    history = census_history()
    steps = (target_year - base_year) // AGE_STEP
    assumptions = census_assumptions(history, base_year, steps, method)
    projection = project_cohort_component(history.at(base_year), assumptions, steps)
    projected = age_group_totals(projection.population[0, -1].sum(axis=0, keepdims=True))
    national = shipped.census_national()
    national = national[national["year"] == target_year]
    known = float(national["value"].sum())
    groups = {"child": (0, 15), "working": (15, 65), "elderly": (65, 999)}
    rows = []
    for name, (low, high) in {"total": (0, 999), **groups}.items():
        part = national[(national["age_start"] >= low) & (national["age_start"] < high)]
        observed = float(part["value"].sum()) * observed_total / known
        value = float(projected[name][0])
        rows.append({"group": name, "projected": value, "observed": observed,
                     "error_pct": 100 * (value - observed) / observed})
    return pd.DataFrame(rows)
