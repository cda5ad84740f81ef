"""Baseline and scenarios in one batch: Japanese by cohort component, foreign by cohort change.

This is the one entry point the CLI, the web app and reports call, so the page and the command
line give the same numbers for the same inputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from sousei.demography.ages import AGE_STEP
from sousei.demography.assumptions import Assumptions
from sousei.demography.cohort_change import (
    CohortChange,
    cohort_change_projection,
    project_cohort_change,
    scale_to_share,
)
from sousei.demography.cohort_component import ControlTotals, project_cohort_component
from sousei.demography.population import Population
from sousei.demography.projection import Projection, combine
from sousei.demography.scenarios import (
    BASELINE,
    Scenario,
    foreign_share_paths,
    migration_arrays,
    tfr_paths,
)


@dataclass(frozen=True)
class ForeignInputs:
    """Foreign residents at the base year and their cohort change assumptions.

    ``share``: a foreign-share target (year, fraction) that holds for every scenario without a
    target of its own, the baseline included (IPSS 2023's national assumption of 10.8% in 2070
    is of this kind: part of the baseline, not a policy scenario).
    """

    base: Population
    change: CohortChange
    share: tuple[int, float] | None = None


@dataclass(frozen=True)
class ScenarioRun:
    """Every scenario's projection: Japanese (or total when nationality is not split), foreign
    (None when not split) and their sum, with the TFR path each scenario assumed."""

    japanese: Projection
    foreign: Projection | None
    total: Projection
    tfr: np.ndarray  # (scenario, year, region)
    scenarios: tuple[Scenario, ...]


def _with_scenarios(
    assumptions: Assumptions,
    scenarios: Sequence[Scenario],
    base_tfr: np.ndarray,
    base_year: int,
    steps: int,
) -> tuple[Assumptions, np.ndarray]:
    years = base_year + AGE_STEP * np.arange(steps + 1)
    tfr = tfr_paths(scenarios, base_tfr, base_year, years)
    base = np.broadcast_to(np.asarray(base_tfr, float), tfr.shape[-1:])
    factor = np.divide(tfr[:, 1:], base, out=np.ones_like(tfr[:, 1:]), where=base > 0)
    multiplier, delta = migration_arrays(scenarios, base_year, steps)
    changed = assumptions.with_scenarios(
        fertility_factor=assumptions.fertility_factor * factor,
        migration_multiplier=assumptions.migration_multiplier * multiplier,
        migration_delta=assumptions.migration_delta + delta,
    )
    return changed, tfr


def project_scenarios(
    base: Population,
    assumptions: Assumptions,
    base_tfr: np.ndarray | float,
    steps: int,
    scenarios: Sequence[Scenario] = (BASELINE,),
    foreign: ForeignInputs | None = None,
    control: ControlTotals | None = None,
    components: bool = True,
    dtype: type | np.dtype = np.float64,
) -> ScenarioRun:
    """Project ``base`` (Japanese residents, or the total) under every scenario at once.

    ``base_tfr`` (region,) is the TFR behind the base child-woman ratio; TFR scenarios scale the
    ratio by TFR_scenario / TFR_base. With ``foreign`` the foreign residents are projected by
    cohort change method, scaled to each scenario's foreign-share path (``foreign.share`` for
    the scenarios without their own), and added; the Japanese projection never depends on it.
    ``components`` records births, deaths and net migration per cell (the CLI, web and reports
    show them through :func:`sousei.vision.numerical_targets.component_sums`); a batch that only
    needs populations passes False, and ``dtype=np.float32`` (see the engine).
    """
    scenarios = tuple(scenarios)
    names = tuple(s.name for s in scenarios)
    if len(set(names)) != len(names):
        raise ValueError("シナリオ名が重複しています")
    base_tfr = np.broadcast_to(np.asarray(base_tfr, float), (len(base.regions),))
    changed, tfr = _with_scenarios(assumptions, scenarios, base_tfr, base.year, steps)
    japanese = project_cohort_component(
        base, changed, steps, scenarios=names, control=control, components=components,
        dtype=dtype,
    )
    if foreign is None:
        return ScenarioRun(japanese, None, japanese, tfr, scenarios)
    if foreign.base.regions != base.regions or foreign.base.year != base.year:
        raise ValueError("外国人人口の地域・基準年が日本人人口と一致しません")
    projected = project_cohort_change(foreign.base, foreign.change, steps, names)
    japanese_total = japanese.population.sum(axis=(-2, -1))
    base_share = foreign.base.total() / np.maximum(foreign.base.total() + base.total(), 1e-12)
    targeted = tuple(s if s.foreign_share is not None or foreign.share is None
                     else replace(s, foreign_share=foreign.share) for s in scenarios)
    share = foreign_share_paths(targeted, base_share, base.year, np.array(japanese.years))
    scaled = scale_to_share(projected.population, japanese_total, np.nan_to_num(share))
    population = np.where(np.isnan(share)[..., None, None], projected.population, scaled)
    population[:, 0] = projected.population[:, 0]
    projected = cohort_change_projection(population, foreign.base, names)
    return ScenarioRun(japanese, projected, combine(japanese, projected), tfr, scenarios)
