"""Child-woman ratios from age-specific fertility (the ASFR route of lever ③, an option).

A child-woman ratio held at its base value ignores that the women aged 15-49 change shape:
when they are concentrated at 40-49, fewer children are born per woman 15-49 even at an
unchanged TFR. The ASFR route weighs each 5-year group of women by the national ASFR (HFD):

    E_t(r) = 5 x sum_a ASFR_a(t) x (W_a(r, t) + W_a(r, t+1)) / 2 / W_15-49(r, t+1)
    CWR_t(r) = E_t(r) x CWR(r, B) / E_B(r)

E_B is the same expectation for the five years before the base (census women of B-5 and B
with the ASFR of those years), so the municipality's own level (its ratio to the national
schedule, and infant survival) is kept. ASFR by 5-year group is the mean of the single-year
rates (HFD's 12- in 15-19, 55+ in 45-49). For B >= 2015 the schedule of B-4..B is scaled by
the IPSS 2017 TFR path; earlier, the schedule of year B is held (no later data is read).
The projected women come from a first pass of the engine with the base ratio: women 15-49
at the end of the first three steps do not depend on births at all, so one pass suffices
there, and a second pass corrects the rest.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from sousei.demography.ages import AGE_STEP, FEMALE, WOMEN_15_49
from sousei.io.reference import shipped

GROUP_STARTS = np.arange(15, 50, AGE_STEP)


@cache
def _asfr_table() -> tuple[np.ndarray, np.ndarray]:
    """Years and ASFR (year, 7 groups 15-19 ... 45-49)."""
    asfr = shipped.hfd_asfr()
    group = np.clip((asfr["age"].to_numpy() // AGE_STEP) * AGE_STEP, 15, 45)
    table = asfr.assign(group=group).pivot_table(
        index="year", columns="group", values="asfr", aggfunc="mean"
    )
    return table.index.to_numpy(), table.to_numpy()


def asfr_schedule(base_year: int, tfr_levels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """ASFR (7,) of the five years before the base, and (step, 7) for each projected step.

    ``tfr_levels`` (step,) is the national TFR path relative to the base period (lever ③).
    """
    years, rates = _asfr_table()
    if base_year not in years:
        raise KeyError(f"{base_year}年の年齢別出生率 (HFD) がありません")
    before = rates[(years > base_year - AGE_STEP) & (years <= base_year)].mean(axis=0)
    latest = rates[years == base_year][0]
    shape = latest * before.sum() / latest.sum()  # the latest shape at the base level
    return before, np.asarray(tfr_levels)[:, None] * shape[None]


def expected_ratio(start: np.ndarray, end: np.ndarray, asfr: np.ndarray) -> np.ndarray:
    """E (..., region): expected 0-4 per woman 15-49 at ``end`` from populations (..., sex, age)."""
    women_start = start[..., FEMALE, WOMEN_15_49]
    women_end = end[..., FEMALE, WOMEN_15_49]
    births = AGE_STEP * (asfr * (women_start + women_end) / 2).sum(axis=-1)
    exposed = women_end.sum(axis=-1)
    return np.divide(births, exposed, out=np.zeros_like(births), where=exposed > 0)
