"""The cohort change ratio method (コーホート変化率法), used for foreign residents.

Foreign residents move too much, and their deaths are too few, for survival and migration to be
estimated apart; the method carries each cohort's observed change forward instead. It runs on
the same kernel as the cohort-component method with the ratio standing in for S + M.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from sousei.demography.ages import FEMALE, MALE, WOMEN_15_49
from sousei.demography.population import Population
from sousei.demography.projection import Projection
from sousei.demography.rates import (
    _ratio,
    child_woman_ratio_by_sex,
    cohort_inflow,
)


def estimate_cohort_change(
    history: Sequence[np.ndarray], small_population: float = 100.0, cap: float = 2.0
) -> tuple[np.ndarray, np.ndarray]:
    """Cohort change ratios and sex-specific child-woman ratios from consecutive 5-year points.

    ``history`` holds populations (region, sex, age) five years apart, oldest first; with more
    than two points the ratios are pooled over the periods (sum of ends / sum of starts). In a
    region whose population is below ``small_population`` a ratio above ``cap`` is capped: ten
    trainees arriving in a cohort of two must not become a growth rate of six.
    Returns ``(ratio (region, sex, age), cwr (region, sex))`` for the latest point.
    """
    if len(history) < 2:
        raise ValueError("コーホート変化率には5年おきの人口が2時点以上必要です")
    starts = np.sum([cohort_inflow(np.asarray(p, float)) for p in history[:-1]], axis=0)
    ends = np.sum([np.asarray(p, float) for p in history[1:]], axis=0)
    pooled = _ratio(ends[..., 1:], starts[..., 1:])
    ratio = np.zeros_like(ends)
    ratio[..., :-2] = pooled[..., :-1]
    ratio[..., -2:] = pooled[..., -1:]
    small = np.asarray(history[-1], float).sum(axis=(-2, -1)) < small_population
    ratio = np.where(small[..., None, None], np.minimum(ratio, cap), ratio)
    latest = np.asarray(history[-1], float)
    return ratio, child_woman_ratio_by_sex(latest)


def project_cohort_change(
    base: Population,
    ratio: np.ndarray,
    cwr_by_sex: np.ndarray,
    steps: int,
    scenarios: Sequence[str] = ("baseline",),
) -> Projection:
    """Project with P(a+5, t+5) = CCR x P(a, t) and 0-4 = CWR(sex) x women 15-49.

    ``ratio`` broadcasts to (scenario, region, sex, age) and ``cwr_by_sex`` to (scenario,
    region, sex). Deaths and moves cannot be separated, so the whole cohort change is booked as
    net migration (see :class:`Projection`).
    """
    n_scen = len(scenarios)
    shape = (n_scen, *base.values.shape)
    current = np.broadcast_to(base.values, shape).copy()
    ratio = np.broadcast_to(np.asarray(ratio, float), shape)
    cwr = np.broadcast_to(np.asarray(cwr_by_sex, float), shape[:-1])
    population = np.empty((n_scen, steps + 1, *shape[1:]))
    population[:, 0] = current
    births = np.empty((n_scen, steps, *shape[1:3]))
    change = np.empty((n_scen, steps, *shape[1:]))
    for t in range(steps):
        moved = cohort_inflow(current * ratio)
        women = moved[..., FEMALE, WOMEN_15_49].sum(axis=-1)
        moved[..., MALE, 0] = cwr[..., MALE] * women
        moved[..., FEMALE, 0] = cwr[..., FEMALE] * women
        births[:, t] = moved[..., 0]
        change[:, t] = moved - cohort_inflow(current)
        change[:, t, ..., 0] = 0.0
        population[:, t + 1] = moved
        current = moved
    return Projection(
        population=population,
        births=births,
        deaths=np.zeros_like(change),
        net_migration=change,
        years=tuple(base.year + 5 * i for i in range(steps + 1)),
        regions=base.regions,
        scenarios=tuple(scenarios),
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
