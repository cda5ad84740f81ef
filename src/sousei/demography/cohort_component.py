"""The cohort-component method (コーホート要因法), vectorised over scenarios and regions.

One Python iteration per 5-year step; inside a step every scenario, region, sex and age is
one numpy expression. That is what lets a prefecture or the whole country, times a hundred
scenarios, run in about a second.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sousei.demography.ages import AGE_STEP, FEMALE, MALE, OPEN, WOMEN_15_49
from sousei.demography.assumptions import Assumptions, at_step
from sousei.demography.population import Population
from sousei.demography.projection import Projection
from sousei.demography.rates import cohort_inflow


@dataclass(frozen=True)
class ControlTotals:
    """Totals by sex x age that groups of regions must sum to at each projected point.

    ``groups[r]`` is the group of region r (e.g. its prefecture, 0-based); ``totals`` has shape
    (scenario or 1, step, group, sex, age). Regions are scaled proportionally within each cell
    (domain.md: P_m <- P_m x P_control / sum_m P_m); the scaling is booked as net migration so
    every step still balances.
    """

    groups: np.ndarray
    totals: np.ndarray


def _survive_and_move(
    population: np.ndarray, survival: np.ndarray, migration: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Survivors and net migrants of each cohort, by end age group (index 0 left empty)."""
    survivors = cohort_inflow(population * survival)
    migrants = cohort_inflow(population * migration)
    # A net out-flow can never take more people than survived: no negative population.
    migrants = np.maximum(migrants, -survivors)
    return survivors, migrants


def _births_to_0_4(
    end: np.ndarray, cwr: np.ndarray, sex_ratio: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Boys and girls aged 0-4 at the end of the step from the child-woman ratio."""
    women = end[..., FEMALE, WOMEN_15_49].sum(axis=-1)
    children = cwr * women
    boys = children * sex_ratio / (100.0 + sex_ratio)
    return boys, children - boys


def _apply_control(
    end: np.ndarray, migrants: np.ndarray, control: ControlTotals, step: int
) -> None:
    """Scale regions to the control totals in place, booking the change as migration."""
    groups = np.asarray(control.groups)
    n_groups = int(groups.max()) + 1
    sums = np.zeros((end.shape[0], n_groups, *end.shape[2:]))
    np.add.at(sums, (slice(None), groups), end)
    target = at_step(control.totals, step)
    factor = np.divide(target, sums, out=np.ones_like(sums), where=sums > 0)
    scaled = end * factor[:, groups]
    migrants += scaled - end
    end[...] = scaled


def project_cohort_component(
    base: Population | np.ndarray,
    assumptions: Assumptions,
    steps: int,
    base_year: int | None = None,
    scenarios: tuple[str, ...] | None = None,
    control: ControlTotals | None = None,
) -> Projection:
    """Project ``base`` forward ``steps`` five-year steps under ``assumptions``.

    ``base`` is a :class:`Population` (region, sex, age) or an array (scenario, region, sex,
    age) when scenarios start from different bases. Returns every 5-year point and the births,
    deaths and net migration of every step (see :class:`Projection`).
    """
    if isinstance(base, Population):
        values, regions, base_year = base.values, base.regions, base.year
        nationality = base.nationality
    else:
        values, regions, nationality = np.asarray(base, dtype=float), (), "total"
        if base_year is None:
            raise ValueError("基準年を指定してください")
    n_scen = max(assumptions.n_scenarios(), values.shape[0] if values.ndim == 4 else 1)
    current = np.broadcast_to(
        values if values.ndim == 4 else values[None], (n_scen, *values.shape[-3:])
    ).copy()
    shape = current.shape
    population = np.empty((n_scen, steps + 1, *shape[1:]))
    population[:, 0] = current
    births = np.empty((n_scen, steps, *shape[1:3]))
    deaths = np.empty((n_scen, steps, *shape[1:]))
    net_migration = np.empty((n_scen, steps, *shape[1:]))

    a = assumptions
    for t in range(steps):
        rate = at_step(a.net_migration_rate, t) * at_step(a.migration_multiplier, t)
        rate = rate + at_step(a.migration_delta, t)
        survivors, migrants = _survive_and_move(current, at_step(a.survival_ratio, t), rate)
        if a.net_migrants is not None:
            migrants[..., 1:] += at_step(a.net_migrants, t)[..., 1:]
            migrants = np.maximum(migrants, -survivors)
        end = survivors + migrants
        cwr = at_step(a.child_woman_ratio, t) * at_step(a.fertility_factor, t)
        boys, girls = _births_to_0_4(end, cwr, at_step(a.sex_ratio_0_4, t))
        end[..., MALE, 0] = boys
        end[..., FEMALE, 0] = girls
        if a.net_migrants is not None:
            migrants[..., 0] = np.maximum(at_step(a.net_migrants, t)[..., 0], -end[..., 0])
            end[..., 0] += migrants[..., 0]
        if control is not None:
            _apply_control(end, migrants, control, t)
        born_alive = np.broadcast_to(at_step(a.birth_survival, t), end[..., 0].shape)
        step_births = np.divide(
            end[..., 0] - migrants[..., 0],
            born_alive,
            out=np.zeros_like(born_alive),
            where=born_alive > 0,
        )
        step_deaths = cohort_inflow(current) - survivors
        step_deaths[..., 0] = step_births - (end[..., 0] - migrants[..., 0])
        births[:, t], deaths[:, t], net_migration[:, t] = step_births, step_deaths, migrants
        population[:, t + 1] = end
        current = end

    years = tuple(int(base_year) + AGE_STEP * i for i in range(steps + 1))
    names = scenarios or tuple(f"scenario_{k}" for k in range(n_scen))
    if len(names) != n_scen:
        raise ValueError(f"シナリオ名が {len(names)} 個ですが、推計は {n_scen} 本です")
    return Projection(
        population=population,
        births=births,
        deaths=deaths,
        net_migration=net_migration,
        years=years,
        regions=tuple(regions) or tuple(str(i) for i in range(shape[1])),
        scenarios=names,
        nationality=nationality,
    )


assert OPEN == 18
