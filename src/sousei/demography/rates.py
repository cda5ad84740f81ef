"""Demographic rates estimated from populations on the 5-year grid.

Every function takes arrays whose last two axes are (sex, age) and broadcasts over the leading
axes (regions, scenarios), so one call estimates all municipalities at once.

Cohort rates are indexed by the age group at the *start* of the period: ``rate[..., a]`` moves
the group aged ``a`` at t to ``a + 1`` at t + 5. The open group 90+ receives both 85-89 and 90+,
so those two share one ratio (IPSS's rule for the last group).
"""

from __future__ import annotations

import numpy as np

from sousei.demography.ages import FEMALE, MALE, OPEN, WOMEN_15_49


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, 0 where the denominator is 0 (an empty cohort has no rate)."""
    numerator, denominator = np.broadcast_arrays(
        np.asarray(numerator, float), np.asarray(denominator, float)
    )
    out = np.zeros(numerator.shape)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    return out


def cohort_inflow(start: np.ndarray) -> np.ndarray:
    """Who would be in each end-of-period group before deaths and moves (index 0 left at 0)."""
    inflow = np.zeros_like(start, dtype=float)
    inflow[..., 1:OPEN] = start[..., : OPEN - 1]
    inflow[..., OPEN] = start[..., OPEN - 1] + start[..., OPEN]
    return inflow


def cohort_change_ratio(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """P(a+5, t+5) / P(a, t); 85-89 and 90+ share P(90+, t+5) / (P(85-89, t) + P(90+, t)).

    In IPSS's method this equals survival ratio + net migration rate of the cohort. Element 0..17
    of the result belong to start groups 0-4 .. 85-89, element 18 to 90+.
    """
    ratio = np.zeros_like(start, dtype=float)
    ratio[..., : OPEN - 1] = _ratio(end[..., 1:OPEN], start[..., : OPEN - 1])
    open_ratio = _ratio(end[..., OPEN], start[..., OPEN - 1] + start[..., OPEN])
    ratio[..., OPEN - 1] = open_ratio
    ratio[..., OPEN] = open_ratio
    return ratio


def net_migrants(start: np.ndarray, end: np.ndarray, survival_ratio: np.ndarray) -> np.ndarray:
    """Census residuals P_obs(a+5, t+5) - P(a, t) x S, indexed by the *end* age group.

    Index 0 (the 0-4 group at the end, born during the period) is left at 0: the engine gets
    that group from the child-woman ratio, so its births and moves are not separated. The open
    group holds the residual of 85-89 and 90+ at the start together.
    """
    start = np.asarray(start, dtype=float)
    residual = np.asarray(end, dtype=float) - cohort_inflow(start * survival_ratio)
    residual[..., 0] = 0.0
    return residual


def net_migration_rate(
    start: np.ndarray, end: np.ndarray, survival_ratio: np.ndarray
) -> np.ndarray:
    """Net migration rates as census residuals: (P_obs(a+5, t+5) - P(a, t) x S) / P(a, t).

    The denominator is the population at the start, the one the projection multiplies, so
    estimation and projection agree (domain.md). The open group's rate is the residual of
    85-89 and 90+ together over their joint population.
    """
    start = np.asarray(start, dtype=float)
    residual = net_migrants(start, end, survival_ratio)
    rate = np.zeros_like(start)
    rate[..., : OPEN - 1] = _ratio(residual[..., 1:OPEN], start[..., : OPEN - 1])
    open_rate = _ratio(residual[..., OPEN], start[..., OPEN - 1] + start[..., OPEN])
    rate[..., OPEN - 1] = open_rate
    rate[..., OPEN] = open_rate
    return rate


def women_15_49(population: np.ndarray) -> np.ndarray:
    """Women of reproductive age, the denominator of the child-woman ratio."""
    return np.asarray(population)[..., FEMALE, WOMEN_15_49].sum(axis=-1)


def child_woman_ratio(population: np.ndarray) -> np.ndarray:
    """Population 0-4 (both sexes) / women 15-49."""
    population = np.asarray(population, dtype=float)
    return _ratio(population[..., :, 0].sum(axis=-1), women_15_49(population))


def child_woman_ratio_by_sex(population: np.ndarray) -> np.ndarray:
    """Boys 0-4 / women 15-49 and girls 0-4 / women 15-49, shape (..., 2).

    The cohort change ratio method (foreign residents) uses this sex-specific form.
    """
    population = np.asarray(population, dtype=float)
    return _ratio(population[..., :, 0], women_15_49(population)[..., None])


def sex_ratio_0_4(population: np.ndarray, default: float = 105.0) -> np.ndarray:
    """Boys per 100 girls aged 0-4; ``default`` where there are no girls to divide by."""
    population = np.asarray(population, dtype=float)
    girls = population[..., FEMALE, 0]
    boys = population[..., MALE, 0]
    return np.where(girls > 0, _ratio(100.0 * boys, girls), default)


def allocate_unknown_age(population: np.ndarray, unknown: np.ndarray) -> np.ndarray:
    """Spread 年齢不詳 (age unknown, by sex) over the ages in proportion to the known counts.

    The census leaves thousands of people without an age in 2010 and 2015; leaving them out
    would read as out-migration. IPSS uses a finer allocation, so this does not reproduce its
    base population exactly (see data README), but removes the bias.
    """
    population = np.asarray(population, dtype=float)
    known = population.sum(axis=-1, keepdims=True)
    share = _ratio(population, known)
    return population + share * np.asarray(unknown, dtype=float)[..., None]
