"""Projecting several areas each on its own, as separate `sousei project --area X` runs do.

The census estimate pools the 0-4 sex ratio over the areas of one request (stable for small
municipalities), so in a two-area request each area gets slightly different figures from its
own run. A partnership (連携中枢都市圏) shows each member municipality as that municipality's
own projection and the partnership as their sum, so each member is requested alone and the
results are stacked on the region axis; the sum then equals the sum of the per-area runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from sousei.demography.population import Population
from sousei.demography.projection import Projection
from sousei.demography.runner import ScenarioRun
from sousei.vision.run import ProjectionRequest

REGION_AXIS = 2  # of population, births, deaths, net_migration and tfr (after scenario, year)
Runner = Callable[[ProjectionRequest], tuple[Population, ScenarioRun]]


def _stack_projection(parts: Sequence[Projection]) -> Projection:
    def stacked(name: str) -> np.ndarray:
        return np.concatenate([getattr(p, name) for p in parts], axis=REGION_AXIS)

    return replace(
        parts[0],
        population=stacked("population"),
        births=stacked("births"),
        deaths=stacked("deaths"),
        net_migration=stacked("net_migration"),
        regions=tuple(code for p in parts for code in p.regions),
    )


def stack_runs(
    results: Sequence[tuple[Population, ScenarioRun]],
) -> tuple[Population, ScenarioRun]:
    """Runs of the same scenarios and years for different areas, as one run of all areas."""
    if not results:
        raise ValueError("推計する地域がありません (団体コードが登録されていません)")
    bases = [base for base, _ in results]
    runs = [run for _, run in results]
    base = replace(
        bases[0],
        values=np.concatenate([b.values for b in bases]),
        regions=tuple(code for b in bases for code in b.regions),
        names=tuple(name for b in bases for name in b.names) if all(b.names for b in bases) else (),
    )
    foreign = None
    if all(run.foreign is not None for run in runs):
        foreign = _stack_projection([run.foreign for run in runs])
    elif any(run.foreign is not None for run in runs):
        raise ValueError("日本人・外国人に分かれた地域と分かれていない地域は合計できません")
    run = ScenarioRun(
        japanese=_stack_projection([r.japanese for r in runs]),
        foreign=foreign,
        total=_stack_projection([r.total for r in runs]),
        tfr=np.concatenate([r.tfr for r in runs], axis=REGION_AXIS),
        scenarios=runs[0].scenarios,
    )
    return base, run


def run_each_area(
    request: ProjectionRequest, areas: Sequence[str], runner: Runner
) -> tuple[Population, ScenarioRun]:
    """``runner`` on ``request`` narrowed to each of ``areas`` in turn, stacked in that order."""
    return stack_runs([runner(replace(request, regions=(area,))) for area in areas])
