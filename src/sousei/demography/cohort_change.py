"""The cohort change method (コーホート変化率法) for foreign residents, with arrivals as counts.

Foreign residents move too much, and die too rarely, for survival and migration to be told
apart; the method carries each cohort's observed change forward instead. Carried as a ratio
alone it loses every group fed by arrivals: 40 technical trainees aged 20-29, the same number
at every date, are projected 40 -> 10 -> 0, because the 15-19 cohort that "becomes" the next
20-24 is empty. Arrivals do not depend on how many are already there; departures and deaths do.
So each age group's change over a period is split in two:

- a **ratio** applied to those present (after ageing), at most ``cap`` (1.0: a cohort shrinks in
  proportion, it does not grow in proportion);
- **arrivals** in persons per period: the observed growth above the capped ratio, the mean
  over the periods pooled. An empty cohort's whole inflow is arrivals.

P(a, t+k) = ratio(a) x aged(P, k)(a) + arrivals(a), where ``aged`` moves k/5 of every 5-year group
into the next (k = 1 for the yearly 住民基本台帳 tables, k = 5 for tables five years apart).
The 0-4 group's inflow beyond its ratio (births and arriving infants) is a rate per woman aged
15-49 at the start of the period, by sex. Pooling over periods is by sums (sum of ends / sum of
aged starts), so a small cohort's noisy years weigh as little as its persons do. A cohort with
fewer than ``small_cohort`` aged persons in all periods together takes the ratio of every region
given together (same sex and age) instead of its own. Cells that are NaN (an open group 80+ in
the 2013-2014 tables, say) are left out of the sums of the groups they feed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sousei.demography.ages import AGE_STEP, FEMALE, OPEN, WOMEN_15_49
from sousei.demography.population import Population
from sousei.demography.projection import Projection
from sousei.demography.rates import cohort_inflow

TINY = 1e-9  # persons: below this a denominator is empty (allocated shares can be fractional)


@dataclass(frozen=True)
class CohortChange:
    """Change per period of ``span`` years, indexed by the age group at the end of a period.

    ``ratio`` and ``arrivals`` are (region, sex, age); ``child_rate`` (region, sex) is the 0-4
    inflow per woman aged 15-49 at the start of a period (``arrivals[..., 0]`` is 0).
    """

    span: int
    ratio: np.ndarray
    arrivals: np.ndarray
    child_rate: np.ndarray


def aged(population: np.ndarray, span: int) -> np.ndarray:
    """Who would be in each group ``span`` years on before moves and deaths, ages spread evenly
    in their 5-year group (0-4 keeps only its not yet aged part; births come on top)."""
    if not 1 <= span <= AGE_STEP:
        raise ValueError(f"期間は1～{AGE_STEP}年です (値: {span})")
    share = span / AGE_STEP
    p = np.asarray(population, float)
    out = (1.0 - share) * p
    out[..., 1:] += share * p[..., :-1]
    out[..., OPEN] += share * p[..., OPEN]
    return out


def _women(population: np.ndarray) -> np.ndarray:
    return np.asarray(population, float)[..., FEMALE, WOMEN_15_49].sum(axis=-1)


def estimate_cohort_change(
    history: Sequence[np.ndarray], span: int = AGE_STEP, cap: float = 1.0,
    small_cohort: float = 5.0,
) -> CohortChange:
    """Ratios, arrivals and child rates from populations (region, sex, age) ``span`` years apart,
    oldest first; see the module text for the rule."""
    if len(history) < 2:
        raise ValueError("コーホート変化率には2時点以上の人口が必要です")
    if cap < 0:
        raise ValueError("変化率の上限は0以上です")
    points = [np.asarray(p, float) for p in history]
    starts = np.stack([aged(p, span) for p in points[:-1]])
    ends = np.stack(points[1:])
    valid = ~(np.isnan(starts) | np.isnan(ends))
    start_sum = np.where(valid, starts, 0.0).sum(axis=0)
    end_sum = np.where(valid, ends, 0.0).sum(axis=0)
    periods = valid.sum(axis=0)
    own = np.divide(end_sum, start_sum, out=np.full_like(start_sum, cap), where=start_sum > TINY)
    everyone = start_sum.sum(axis=0)
    pooled = np.divide(end_sum.sum(axis=0), everyone, out=np.full_like(everyone, cap),
                       where=everyone > TINY)
    ratio = np.minimum(np.where(start_sum >= small_cohort, own, pooled[None]), cap)
    growth = np.maximum(end_sum - ratio * start_sum, 0.0)
    arrivals = np.divide(growth, periods, out=np.zeros_like(growth), where=periods > 0)
    women = np.stack([_women(p) for p in points[:-1]])  # (period, region)
    usable = valid[..., 0]  # (period, region, sex)
    women_sum = np.where(usable, np.nan_to_num(women)[..., None], 0.0).sum(axis=0)
    child_rate = np.divide(growth[..., 0], women_sum, out=np.zeros_like(women_sum),
                           where=women_sum > TINY)
    arrivals[..., 0] = 0.0
    return CohortChange(span, ratio, arrivals, child_rate)


def _step(current: np.ndarray, change: CohortChange, ratio: np.ndarray,
          arrivals: np.ndarray, child_rate: np.ndarray) -> np.ndarray:
    """One period of ``change.span`` years for (scenario, region, sex, age) populations."""
    women = _women(current)
    moved = ratio * aged(current, change.span) + arrivals
    moved[..., 0] += child_rate * women[..., None]
    return moved


def project_cohort_change(
    base: Population,
    change: CohortChange,
    steps: int,
    scenarios: Sequence[str] = ("baseline",),
) -> Projection:
    """Project in 5-year steps, each made of 5 / ``change.span`` periods.

    The parameters broadcast to (scenario, region, sex, age) (child rates to (scenario, region,
    sex)). Deaths and moves cannot be separated, so the whole cohort change is booked as net
    migration and the 0-4 group as births (see :class:`Projection`).
    """
    if AGE_STEP % change.span:
        raise ValueError(f"期間 {change.span}年は5年を割り切れません")
    shape = (len(scenarios), *base.values.shape)
    current = np.broadcast_to(base.values, shape).astype(float)
    ratio = np.broadcast_to(np.asarray(change.ratio, float), shape)
    arrivals = np.broadcast_to(np.asarray(change.arrivals, float), shape)
    child_rate = np.broadcast_to(np.asarray(change.child_rate, float), shape[:-1])
    population = np.empty((len(scenarios), steps + 1, *shape[1:]))
    population[:, 0] = current
    for t in range(steps):
        for _ in range(AGE_STEP // change.span):
            current = _step(current, change, ratio, arrivals, child_rate)
        population[:, t + 1] = current
    return cohort_change_projection(population, base, tuple(scenarios))


def cohort_change_projection(
    population: np.ndarray, base: Population, scenarios: tuple[str, ...]
) -> Projection:
    """A cohort-change projection from its populations: births are the 0-4 group at the end of
    each step, net migration the rest of the change (nothing is booked as deaths)."""
    change = population[:, 1:] - cohort_inflow(population[:, :-1])
    change[..., 0] = 0.0
    return Projection(
        population=population,
        births=population[:, 1:, ..., 0].copy(),
        deaths=np.zeros_like(change),
        net_migration=change,
        years=tuple(base.year + AGE_STEP * i for i in range(population.shape[1])),
        regions=base.regions,
        scenarios=scenarios,
        nationality=base.nationality,
        method="cohort_change",
    )


def scale_to_share(
    foreign: np.ndarray, japanese_total: np.ndarray, share: np.ndarray
) -> np.ndarray:
    """Scale foreign populations so that foreign / (japanese + foreign) equals ``share``.

    ``foreign`` is (..., region, sex, age), ``japanese_total`` and ``share`` broadcast to
    (..., region). The age-sex structure of the foreign projection is kept; only its size
    follows the share path ("foreign residents reach 10.8% of the total in 2070").
    """
    target = np.asarray(share, float) / (1.0 - np.asarray(share, float)) * japanese_total
    current = foreign.sum(axis=(-2, -1))
    factor = np.divide(target, current, out=np.ones_like(current, dtype=float), where=current > 0)
    return foreign * factor[..., None, None]
