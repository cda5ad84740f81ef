"""The census-estimated method: which levers are on, and the assumptions they give.

Every input is dated at or before the base year B (docs/method.md): census populations up to
B, HMD death rates up to B, the national TFR observed up to B, and the IPSS 2017 national
TFR path (made from the 2015 census) only for B >= 2015. IPSS's municipal projections are
comparisons, never inputs.

:data:`CLASSIC` is the method before issue 12 (base-period survival, one period's migration
held constant, the base child-woman ratio held); :data:`DEFAULT_METHOD` turns every lever on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STEP
from sousei.demography.assumptions import Assumptions
from sousei.demography.cohort_component import project_cohort_component
from sousei.demography.estimation import estimate_from_census
from sousei.demography.migration_robust import converging_rates, robust_rate, start_layout
from sousei.demography.rates import allocate_unknown_age, child_woman_ratio, net_migrants
from sousei.io.reference import shipped
from sousei.vision.arrays import grid_array, unknown_array
from sousei.vision.births_asfr import asfr_schedule, expected_ratio
from sousei.vision.inputs import CensusHistory, national_sex_ratio_0_4
from sousei.vision.mortality import improving_survival, period_survival, survival_known_at

IPSS2017_FROM = 2015  # the IPSS 2017 national projection starts from the 2015 census


@dataclass(frozen=True)
class CensusMethod:
    """The levers of the census-estimated projection (see docs/method.md)."""

    improving_survival: bool = True
    migration_periods: int = 3
    robust_migration: bool = True
    half_life: float = 4.0  # steps (20 years) until a town's gap to its prefecture's rate halves
    births: str = "tfr_path"  # one of BIRTH_ROUTES

    def __post_init__(self) -> None:
        if self.births not in BIRTH_ROUTES:
            raise ValueError(f"出生の推定方法 {self.births!r} は {', '.join(BIRTH_ROUTES)} のいずれかです")


BIRTH_ROUTES = ("constant", "tfr_path", "asfr")
DEFAULT_METHOD = CensusMethod()
CLASSIC = CensusMethod(False, 1, False, float("inf"), "constant")


def census_assumptions(
    history: CensusHistory, base_year: int, steps: int, method: CensusMethod = DEFAULT_METHOD
) -> Assumptions:
    """Assumptions for ``steps`` steps from ``base_year`` under ``method``."""
    census = history.by_year()
    periods = min(method.migration_periods, (base_year - history.years[0]) // AGE_STEP)
    survival, birth = survival_known_at(base_year)
    classic = estimate_from_census(
        census, survival, birth, base_year, 1 if method.robust_migration else periods,
        sex_ratio=national_sex_ratio_0_4(base_year),
    )
    changes: dict[str, np.ndarray] = {}
    if method.improving_survival:
        survival_path, birth_path = improving_survival(base_year, steps)
        changes["survival_ratio"] = survival_path[:, None]  # (step, region=1, sex, age)
        changes["birth_survival"] = birth_path[:, None]
    if method.robust_migration:
        changes["net_migration_rate"] = robust_migration_rates(
            history, base_year, periods, steps, method.half_life
        )
    if method.births != "constant":
        trend = national_tfr_trend(base_year, steps)
        changes["child_woman_ratio"] = classic.child_woman_ratio * trend[:, None]  # (1, step, region)
        if method.births == "asfr":
            draft = replace(classic, **changes)
            changes["child_woman_ratio"] = asfr_child_woman_ratio(history, base_year, draft, trend)
    return replace(classic, **changes)


def asfr_child_woman_ratio(
    history: CensusHistory, base_year: int, draft: Assumptions, trend: np.ndarray
) -> np.ndarray:
    """(step, region) child-woman ratios from the ASFR route (:mod:`sousei.vision.births_asfr`)."""
    years = history.years
    before, schedule = asfr_schedule(base_year, trend)
    start = history.population[years.index(base_year - AGE_STEP)]
    end = history.population[years.index(base_year)]
    base_expected = expected_ratio(start, end, before)
    base_ratio = child_woman_ratio(end)
    factor = np.divide(base_ratio, base_expected, out=np.zeros_like(base_ratio),
                       where=base_expected > 0)
    assumptions = draft
    for _ in range(2):  # the first pass gives the women; the second corrects after 15 years
        population = project_cohort_component(history.at(base_year), assumptions, len(trend))
        path = population.population[0]  # (step + 1, region, sex, age)
        cwr = factor * expected_ratio(path[:-1], path[1:], schedule[:, None, :])
        assumptions = replace(assumptions, child_woman_ratio=cwr)
    return assumptions.child_woman_ratio


def _residuals(
    population: np.ndarray, years: tuple[int, ...], base_year: int, periods: int
) -> tuple[np.ndarray, np.ndarray]:
    """Migrants and exposed (period, region, sex, age) by start age, latest period first."""
    ms, es = [], []
    for k in range(periods):
        end_year = base_year - AGE_STEP * k
        start = population[years.index(end_year - AGE_STEP)]
        end = population[years.index(end_year)]
        survival = period_survival(end_year - AGE_STEP)[0]
        m, e = start_layout(net_migrants(start, end, survival), start)
        ms.append(m)
        es.append(e)
    return np.stack(ms), np.stack(es)


@cache
def _prefecture_census(
    prefectures: tuple[str, ...],
) -> tuple[tuple[int, ...], tuple[str, ...], np.ndarray]:
    tables = shipped.census_prefecture_of(f"{code}000" for code in prefectures)
    years, codes, values = grid_array(tables.population)
    unknown = unknown_array(tables.age_unknown, years, codes)
    return years, codes, allocate_unknown_age(values, unknown)


@cache
def prefecture_rates(
    base_year: int, periods: int, prefectures: tuple[str, ...]
) -> tuple[tuple[str, ...], np.ndarray]:
    """The robust rate (prefecture, sex, age) of each of ``prefectures`` (2-digit codes): the
    long-run level of its towns. Each prefecture's rate is its own census's alone, so only
    the prefectures asked for are read."""
    years, codes, population = _prefecture_census(prefectures)
    migrants, exposed = _residuals(population, years, base_year, periods)
    rates = robust_rate(migrants, exposed, prior=np.zeros(1), pseudo=0.0)
    rates.setflags(write=False)
    return tuple(code[:2] for code in codes), rates


def robust_migration_rates(
    history: CensusHistory, base_year: int, periods: int, steps: int, half_life: float
) -> np.ndarray:
    """(step, region, sex, age) net migration rates: robust, shrunk, converging (lever 2)."""
    migrants, exposed = _residuals(history.population, history.years, base_year, periods)
    own = pd.Index(history.regions).str[:2]
    prefectures, by_prefecture = prefecture_rates(base_year, periods, tuple(own.unique().sort_values()))
    index = pd.Index(prefectures).get_indexer(own)
    prior = by_prefecture[index]
    rate = robust_rate(migrants, exposed, prior)
    return converging_rates(rate, prior, steps, half_life)


def national_tfr_trend(base_year: int, steps: int) -> np.ndarray:
    """(step,) national TFR of each step relative to the 5 years before the base (lever 3).

    A child-woman ratio at the base reflects the births of the five years before it. For
    B >= 2015 each step follows the IPSS 2017 medium TFR path averaged over the step's five
    years; before that the latest TFR observed by B is held (the path then known).
    """
    observed = shipped.tfr_prefecture()
    national = observed[(observed["pref_code"] == "00") & (observed["year"] <= base_year)]
    national = national.set_index("year")["tfr"].sort_index()
    base_level = national.loc[base_year - 4 : base_year].mean()
    if base_year >= IPSS2017_FROM:
        path = shipped.ipss2017_national_tfr()
        path = path[path["variant"] == "medium"].set_index("year")["tfr"]
        levels = [
            path.reindex(range(base_year + 5 * k + 1, base_year + 5 * k + 6)).ffill().mean()
            for k in range(steps)
        ]
        levels = [level if np.isfinite(level) else path.iloc[-1] for level in levels]
    else:
        levels = [national.iloc[-1]] * steps
    return np.asarray(levels, dtype=float) / base_level
