"""Backtests: hindcasts from every past census base the data allows, beside naive extrapolation.

Each base year B in 1995-2010 is projected to every later census up to ``known_at`` with the
method of :func:`sousei.vision.hindcast.hindcast` (assumptions from data dated B or earlier),
and compared with the census and with the naive forecast a planner could make without any
method: the town's growth of the five years before B carried forward,
``P(B) * (P(B) / P(B-5)) ** (h / 5)``. The result is one row per municipality, base and
horizon; it feeds the backtest command, the accuracy page and the error model of the
prediction intervals (vision/intervals.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STEP
from sousei.vision.hindcast import SIZE_CLASSES, SIZE_LABELS, hindcast
from sousei.vision.inputs import census_history

BASE_YEARS = (1995, 2000, 2005, 2010)
HORIZONS = (5, 10, 15, 20)
LAST_CENSUS = 2015  # the latest census the package ships
ALL_CLASSES = "全体"


def backtest_pairs(known_at: int = LAST_CENSUS) -> tuple[tuple[int, int], ...]:
    """(base, target) pairs whose target census is dated ``known_at`` or earlier."""
    return tuple(
        (base, base + horizon)
        for base in BASE_YEARS
        for horizon in HORIZONS
        if base + horizon <= min(known_at, LAST_CENSUS)
    )


def size_class(population: np.ndarray | pd.Series) -> pd.Categorical:
    """The hindcast's size classes of a base population (same bounds, same labels)."""
    return pd.cut(np.asarray(population, dtype=float), SIZE_CLASSES, labels=SIZE_LABELS,
                  right=False)


def _percent_error(estimate: np.ndarray, observed: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        error = 100 * (estimate - observed) / observed
    return np.where(np.isfinite(error), error, np.nan)


@cache
def backtest_errors(known_at: int = LAST_CENSUS) -> pd.DataFrame:
    """Every municipality's hindcast and naive errors for every pair of :func:`backtest_pairs`.

    Columns: area_code, name, base_year, target_year, horizon, base_population, size_class,
    fukushima, observed, projected, naive, error_pct, naive_error_pct. An observed total of
    zero (Fukushima's evacuated towns in 2015) leaves the errors empty (NaN). Cached: the
    eleven hindcasts take a few seconds and the result never changes within a process.
    """
    history = census_history()
    totals = history.observed_total
    at = {year: totals[history.years.index(year)] for year in history.years}
    frames = []
    for base, target in backtest_pairs(known_at):
        result = hindcast(base, target).errors
        observed = at[target]
        error = result["total_error_pct"].to_numpy(dtype=float)
        error = np.where(np.isfinite(error), error, np.nan)  # observed 0: no % error
        projected = observed * (1 + error / 100)
        growth = at[base] / np.where(at[base - AGE_STEP] > 0, at[base - AGE_STEP], np.nan)
        naive = at[base] * growth ** ((target - base) / AGE_STEP)
        frame = result[["area_code", "name", "base_population", "size_class", "fukushima"]].copy()
        frame.insert(2, "base_year", base)
        frame.insert(3, "target_year", target)
        frame.insert(4, "horizon", target - base)
        frame["observed"] = observed
        frame["projected"] = projected
        frame["naive"] = naive
        frame["error_pct"] = _percent_error(frame["projected"].to_numpy(), observed)
        frame["naive_error_pct"] = _percent_error(naive, observed)
        frames.append(frame)
    errors = pd.concat(frames, ignore_index=True)
    errors["size_class"] = pd.Categorical(errors["size_class"], categories=SIZE_LABELS)
    return errors


def area_errors(codes: Sequence[str], known_at: int = LAST_CENSUS) -> pd.DataFrame:
    """The rows of ``codes`` (2015 codes), in the order given."""
    errors = backtest_errors(known_at)
    chosen = errors[errors["area_code"].isin(codes)].copy()
    order = {code: i for i, code in enumerate(codes)}
    chosen["_order"] = chosen["area_code"].map(order)
    return chosen.sort_values(["_order", "base_year", "horizon"]).drop(columns="_order")


def _summary_row(part: pd.DataFrame) -> dict[str, float]:
    method = part["error_pct"].dropna().abs()
    naive = part["naive_error_pct"].dropna().abs()
    both = part.dropna(subset=["error_pct", "naive_error_pct"])
    better = (both["error_pct"].abs() < both["naive_error_pct"].abs()).mean()
    return {
        "municipalities": int(part["area_code"].nunique()),
        "cases": len(method),
        "median": method.median(),
        "mean": method.mean(),
        "p90": method.quantile(0.9),
        "naive_median": naive.median(),
        "naive_mean": naive.mean(),
        "better_than_naive": better,
    }


def summarise(errors: pd.DataFrame, exclude_fukushima: bool = True) -> pd.DataFrame:
    """Absolute % errors by horizon and size class (全体 first), method against naive.

    Fukushima is left out by default: the 2011 evacuation is not an error a method can be
    judged on, and its towns' errors of several thousand percent would swamp every mean.
    """
    if exclude_fukushima:
        errors = errors[~errors["fukushima"]]
    rows = []
    for horizon, by_horizon in errors.groupby("horizon"):
        groups = [(ALL_CLASSES, by_horizon)] + [
            (label, by_horizon[by_horizon["size_class"] == label]) for label in SIZE_LABELS
        ]
        for label, part in groups:
            if len(part):
                rows.append({"horizon": int(horizon), "size_class": label, **_summary_row(part)})
    return pd.DataFrame(rows)


def summarise_by_base(errors: pd.DataFrame, exclude_fukushima: bool = True) -> pd.DataFrame:
    """All size classes together, one row per (base, target) pair."""
    if exclude_fukushima:
        errors = errors[~errors["fukushima"]]
    rows = [
        {"base_year": int(base), "target_year": int(target), **_summary_row(part)}
        for (base, target), part in errors.groupby(["base_year", "target_year"])
    ]
    return pd.DataFrame(rows)
