"""Prediction intervals from the backtest errors: how far off the method has been before.

The error model is empirical. For each size class (of the base population) and horizon, the
quantiles of the log ratio ``r = ln(projected / census)`` over every municipality and every
backtest base (Fukushima left out, vision/backtest.py) give the band: a projection P is
followed by a census between ``P * exp(-r_hi)`` and ``P * exp(-r_lo)`` as often as the past
errors say (80%: the 10% and 90% quantiles; 95%: 2.5% and 97.5%). Beyond the longest horizon
backtested the quantiles grow in proportion to the horizon, as they do across 5-20 years.

The model of every "known at" census year is shipped as a small table
(``data/backtest_error_model.csv``, written by ``scripts/error_model.py``), so a page or
command shows bands at once instead of running eleven hindcasts. A projection from base B
uses the model known at the latest census up to B: only errors whose census is dated B or
earlier (the rule of honest accuracy).
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STEP
from sousei.io.reference import shipped
from sousei.vision.backtest import BASE_YEARS, LAST_CENSUS, backtest_errors, size_class
from sousei.vision.hindcast import SIZE_LABELS

QUANTILES = {"q025": 0.025, "q100": 0.10, "q500": 0.50, "q900": 0.90, "q975": 0.975}
LEVELS = {80: ("q100", "q900"), 95: ("q025", "q975")}
LOG_CLIP = np.log(20.0)  # a town emptied by evacuation is not a ratio; ×20 is far beyond any other


def log_errors(errors: pd.DataFrame) -> pd.DataFrame:
    """Rows with an error, Fukushima left out, and ``r`` = ln(projected / census)."""
    usable = errors[~errors["fukushima"] & errors["error_pct"].notna()].copy()
    with np.errstate(divide="ignore"):
        usable["r"] = np.clip(np.log1p(usable["error_pct"] / 100), -LOG_CLIP, LOG_CLIP)
    return usable


def error_model(errors: pd.DataFrame) -> pd.DataFrame:
    """Quantiles of r by size class and horizon (one row each: size_class, horizon, cases, q*)."""
    usable = log_errors(errors)
    grouped = usable.groupby(["size_class", "horizon"], observed=True)["r"]
    table = grouped.quantile(list(QUANTILES.values())).unstack()
    table.columns = list(QUANTILES)
    table.insert(0, "cases", grouped.size())
    return table.reset_index()


def model_known_at(known_at: int) -> pd.DataFrame:
    """The model from the backtests whose census is dated ``known_at`` or earlier (computed)."""
    model = error_model(backtest_errors(known_at))
    model.insert(0, "known_at", known_at)
    return model


def known_at_years() -> tuple[int, ...]:
    """The census years after which a model exists (one backtest pair or more)."""
    return (*BASE_YEARS[1:], LAST_CENSUS)


@cache
def _shipped_models() -> pd.DataFrame:
    return shipped.backtest_error_model()


def shipped_model(base_year: int) -> pd.DataFrame:
    """The shipped model a projection from ``base_year`` may use (latest census <= base)."""
    models = _shipped_models()
    usable = [year for year in sorted(models["known_at"].unique()) if year <= base_year]
    if not usable:
        raise ValueError(
            f"基準年 {base_year} 以前の推計と実績の比較がないため、予測区間を計算できません"
            f" ({min(models['known_at'])}年以降の基準年で使えます)"
        )
    return models[models["known_at"] == usable[-1]]


def _quantile_grid(model: pd.DataFrame, columns: tuple[str, ...]) -> tuple[np.ndarray, int]:
    """(size class, horizon step, column) array of quantiles and the longest horizon in steps."""
    longest = int(model["horizon"].max()) // AGE_STEP
    grid = np.full((len(SIZE_LABELS), longest, len(columns)), np.nan)
    rows = pd.Index(SIZE_LABELS).get_indexer(model["size_class"].astype(str))
    steps = model["horizon"].to_numpy(dtype=int) // AGE_STEP - 1
    grid[rows, steps] = model[list(columns)].to_numpy(dtype=float)
    # A class without a horizon (too few towns) carries its longer-known horizon forward.
    for k in range(1, longest):  # a handful of horizons
        grid[:, k] = np.where(np.isnan(grid[:, k]), grid[:, k - 1], grid[:, k])
    return grid, longest


def quantiles_by_step(model: pd.DataFrame, columns: tuple[str, ...], steps: np.ndarray
                      ) -> np.ndarray:
    """(size class, step, column) quantiles of r after ``steps`` 5-year steps.

    Step 0 is zero; beyond the longest backtested horizon the longest's quantiles are scaled
    in proportion to the horizon.
    """
    grid, longest = _quantile_grid(model, columns)
    steps = np.asarray(steps)
    index = np.clip(steps, 1, longest) - 1
    scale = np.where(steps > longest, steps / longest, 1.0) * (steps > 0)
    return grid[:, index] * scale[None, :, None]


def band(
    totals: np.ndarray,
    base_population: np.ndarray,
    base_year: int,
    years: tuple[int, ...],
    level: int = 80,
    model: pd.DataFrame | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper bounds (..., year) around projected ``totals`` (..., year).

    ``base_population`` (matching ``totals`` without the year axis) picks each area's size
    class; ``years`` are the projection's years (the base year gets no width). Vectorised:
    one gather from a (class, horizon) grid, no loop over areas or years.
    """
    model = shipped_model(base_year) if model is None else model
    steps = (np.asarray(years) - base_year) // AGE_STEP
    grid = quantiles_by_step(model, LEVELS[level], steps)
    classes = class_index(base_population)
    quantiles = grid[classes]  # (..., year, 2)
    lower = totals * np.exp(-quantiles[..., 1])
    upper = totals * np.exp(-quantiles[..., 0])
    return lower, upper


def class_index(base_population: np.ndarray) -> np.ndarray:
    """The size class number (into SIZE_LABELS) of each base population, same shape."""
    labels = size_class(np.ravel(base_population)).astype(str)
    index = pd.Index(SIZE_LABELS).get_indexer(labels)
    if np.any(index < 0):
        raise ValueError("基準人口が数値でない地域があり、人口規模を決められません")
    return index.reshape(np.shape(base_population))


def coverage(model: pd.DataFrame, errors: pd.DataFrame, level: int) -> float:
    """Share of ``errors`` (backtest rows) whose census fell inside the ``level`` band."""
    usable = log_errors(errors)
    projected = np.exp(usable["r"].to_numpy())  # census = 1, projected = e^r
    years = usable["horizon"].to_numpy()
    inside = np.zeros(len(usable), dtype=bool)
    for horizon in np.unique(years):  # a handful of horizons, each vectorised over towns
        rows = years == horizon
        lower, upper = band(projected[rows, None], usable["base_population"].to_numpy()[rows],
                            0, (int(horizon),), level, model)
        inside[rows] = (lower[:, 0] <= 1.0) & (upper[:, 0] >= 1.0)
    return float(inside.mean())
