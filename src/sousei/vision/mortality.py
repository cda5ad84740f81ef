"""Survival ratios per 5-year period from the shipped HMD death rates."""

from __future__ import annotations

from functools import cache

import numpy as np

from sousei.demography.lifetable import survival_from_death_rates
from sousei.demography.mortality_trend import projected_death_rates
from sousei.io.reference import shipped


@cache
def _mx_by_year() -> tuple[np.ndarray, np.ndarray]:
    """Years and m(x) as (year, sex, age) with sexes in (M, F) order, for years with both.

    Placed into the grid by position (no pivot and no per-year lookups: this runs in every
    ``sousei project`` and cost 0.18 s as a pivot table). A sex's year counts when it has at
    least one rate, as a pivot table drops the rows that are all missing.
    """
    mx = shipped.hmd_mx()
    mx = mx[mx["sex"].isin(("M", "F"))]
    years, year_at = np.unique(mx["year"].to_numpy(), return_inverse=True)
    ages, age_at = np.unique(mx["age"].to_numpy(), return_inverse=True)
    sex_at = (mx["sex"] == "F").to_numpy().astype(int)
    values = np.full((len(years), 2, len(ages)), np.nan)
    values[year_at, sex_at, age_at] = mx["mx"].to_numpy(float)
    both = np.isfinite(values).any(axis=2).all(axis=1)
    return years[both], values[both]


def period_survival(start_year: int) -> tuple[np.ndarray, np.ndarray]:
    """Survival ratios (sex, age) and birth survival (sex,) for the period starting ``start_year``.

    Death rates are averaged over the period's five years where the data reaches, otherwise
    over the latest five years available (male rates end in 2016).
    """
    years, values = _mx_by_year()
    last = int(years.max())
    first = min(start_year, last - 4)
    chosen = (years >= first) & (years <= first + 4)
    mx = np.nan_to_num(values[chosen].mean(axis=0))
    return survival_from_death_rates(mx, np.array([False, True]))


def survival_known_at(base_year: int) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
    """Survival of every period that had ended by ``base_year`` (what a planner knew then)."""
    survival: dict[int, np.ndarray] = {}
    birth: dict[int, np.ndarray] = {}
    years, _ = _mx_by_year()
    for start in range(1980, base_year, 5):
        if start + 4 > base_year or start < years.min():
            continue
        survival[start], birth[start] = period_survival(start)
    return survival, birth


FIT_WINDOW = 25  # years of HMD rates the Lee-Carter trend is fitted on


def improving_survival(base_year: int, steps: int) -> tuple[np.ndarray, np.ndarray]:
    """Survival (step, sex, age) and birth survival (step, sex) on a Lee-Carter trend.

    Fitted only on the HMD years up to ``base_year`` (the last ``FIT_WINDOW`` of them), so a
    projection from 2005 never sees a death rate of 2006. Step k covers the five years
    starting ``base_year + 5k``; its m(x) is the mean of the projected single-year rates.
    """
    years, values = _mx_by_year()
    known = (years <= base_year) & (years > base_year - FIT_WINDOW)
    if known.sum() < 10:
        raise KeyError(f"{base_year}年までの生命表 (HMD) が10年分ありません")
    mx = _filled(values[known])
    targets = base_year + np.arange(steps * 5)
    projected = projected_death_rates(years[known], mx, targets)
    period = projected.reshape(steps, 5, *projected.shape[1:]).mean(axis=1)
    return survival_from_death_rates(period, np.array([False, True]))


def _filled(mx: np.ndarray) -> np.ndarray:
    """Missing rates at the oldest single ages take the nearest younger age's rate."""
    valid = np.isfinite(mx) & (mx > 0)
    ages = np.where(valid, np.arange(mx.shape[-1]), 0)
    nearest = np.maximum.accumulate(ages, axis=-1)  # the last valid age at or below each age
    return np.take_along_axis(mx, nearest, axis=-1)
