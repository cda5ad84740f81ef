"""Assumptions estimated from data: census pairs and life tables, or a published path.

Two ways to get the inputs of :func:`project_cohort_component`:

- :func:`estimate_from_census`: only what was known at the base year (census populations up to
  it, life tables up to it). This is how a municipality builds its own projection and how the
  hindcast measures accuracy.
- :func:`implied_by_path`: the ratios implied by a published projection path (IPSS 2018), so the
  engine reproduces it and scenarios can be laid on IPSS's own assumptions.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sousei.demography.ages import AGE_STEP
from sousei.demography.assumptions import Assumptions
from sousei.demography.rates import (
    _ratio,
    child_woman_ratio,
    cohort_change_ratio,
    cohort_inflow,
    net_migrants,
    sex_ratio_0_4,
)


def implied_by_path(
    path: np.ndarray,
    survival_ratio: np.ndarray | None = None,
    birth_survival: np.ndarray | float = 1.0,
) -> Assumptions:
    """Assumptions that reproduce ``path`` (year, region, sex, age) step by step.

    Per cohort S + M = P(a+5, t+5) / P(a, t) (the open group by IPSS's rule), CWR and the 0-4 sex
    ratio of each projected year. Given ``survival_ratio`` (life-table S by step, region or
    nation), M is the remainder; otherwise the whole ratio stands in S and M is zero.
    """
    path = np.asarray(path, dtype=float)
    ratio = cohort_change_ratio(path[:-1], path[1:])
    if survival_ratio is None:
        survival = np.minimum(ratio, 1.0)
        migration = ratio - survival
    else:
        survival = np.broadcast_to(np.asarray(survival_ratio, dtype=float), ratio.shape)
        migration = ratio - survival
    inflow = cohort_inflow(path[:-1])
    arrivals = np.where(inflow > 0, 0.0, path[1:])
    arrivals[..., 0] = 0.0
    return Assumptions(
        survival_ratio=survival,
        net_migration_rate=migration,
        child_woman_ratio=child_woman_ratio(path[1:]),
        sex_ratio_0_4=sex_ratio_0_4(path[1:]),
        birth_survival=birth_survival,
        net_migrants=arrivals if np.any(arrivals) else None,
    )


def pooled_net_migration_rate(
    census: Mapping[int, np.ndarray],
    survival: Mapping[int, np.ndarray],
    base_year: int,
    periods: int = 1,
) -> np.ndarray:
    """Net migration rates from the ``periods`` census pairs ending at ``base_year``.

    Residuals are pooled (sum of net migrants / sum of starting populations) rather than
    averaged, so a cohort of three people in one period cannot swing a small town's rate.
    ``survival[t]`` is the survival ratio for the period starting at t.
    """
    migrants = 0.0
    exposed = 0.0
    for k in range(periods):
        end_year = base_year - AGE_STEP * k
        start_year = end_year - AGE_STEP
        if start_year not in census or end_year not in census:
            raise KeyError(f"{start_year}年と{end_year}年の国勢調査人口が必要です")
        start, end = census[start_year], census[end_year]
        migrants = migrants + net_migrants(start, end, survival[start_year])
        exposed = exposed + start
    rate = np.zeros_like(np.asarray(exposed, dtype=float))
    rate[..., :-2] = _ratio(migrants[..., 1:-1], exposed[..., :-2])
    open_rate = _ratio(migrants[..., -1], exposed[..., -2] + exposed[..., -1])
    rate[..., -2] = open_rate
    rate[..., -1] = open_rate
    return rate


def estimate_from_census(
    census: Mapping[int, np.ndarray],
    survival: Mapping[int, np.ndarray],
    birth_survival: Mapping[int, np.ndarray],
    base_year: int,
    migration_periods: int = 1,
    sex_ratio: float | np.ndarray | None = None,
    cwr_trend: np.ndarray | None = None,
) -> Assumptions:
    """Cohort-component assumptions known at ``base_year``.

    - S: the latest life-table survival available at the base year (``survival[base_year]``
      if given, else the latest period before it), held constant.
    - M: census residuals pooled over ``migration_periods`` periods (held constant: the H30
      "net migration rates" variant; scenarios may converge or zero them).
    - CWR: the base year's own ratio, times ``cwr_trend`` (step,) if a national path is given
      (municipal CWR = national path x the municipality's ratio to the nation at the base).
    - 0-4 sex ratio: ``sex_ratio`` if given (IPSS applies the national one to every
      municipality), else the ratio of all regions together at the base year.
    """
    base = np.asarray(census[base_year], dtype=float)
    latest = max(year for year in survival if year <= base_year)
    cwr = child_woman_ratio(base)
    if cwr_trend is not None:
        cwr = np.asarray(cwr_trend, dtype=float)[:, None] * cwr[None]
    if sex_ratio is None:
        totals = base.reshape(-1, *base.shape[-2:]).sum(axis=0)
        sex_ratio = float(sex_ratio_0_4(totals))
    return Assumptions(
        survival_ratio=survival[latest],
        net_migration_rate=pooled_net_migration_rate(
            census, survival, base_year, migration_periods
        ),
        child_woman_ratio=cwr,
        sex_ratio_0_4=np.broadcast_to(np.asarray(sex_ratio, dtype=float), cwr.shape),
        birth_survival=birth_survival[latest],
    )
