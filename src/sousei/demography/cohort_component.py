"""The cohort-component method (コーホート要因法), vectorised over scenarios and regions.

One Python iteration per 5-year step; inside a step every scenario, region, sex and age is
one numpy expression. Results are written straight into the output arrays and a few work
buffers are reused across steps: at a hundred scenarios for every municipality the engine is
bound by memory traffic, not arithmetic. Regions are split across threads (numpy releases the
GIL), since regions are independent unless control totals tie them together.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np

from sousei.demography.ages import AGE_STEP, FEMALE, MALE, OPEN, WOMEN_15_49
from sousei.demography.assumptions import Assumptions, at_step
from sousei.demography.cohort_kernel import project_population_into
from sousei.demography.population import Population
from sousei.demography.projection import Projection

REGION_AXIS = 2  # of the padded assumption arrays: (scenario, step, region, ...)
MIN_REGIONS_PER_THREAD = 64


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


def _inflow_into(start: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Cohorts moved on by one group (see rates.cohort_inflow), written into ``out``."""
    out[..., 0] = 0.0
    out[..., 1:OPEN] = start[..., : OPEN - 1]
    np.add(start[..., OPEN - 1], start[..., OPEN], out=out[..., OPEN])
    return out


def _apply_control(
    end: np.ndarray, migrants: np.ndarray, control: ControlTotals, step: int
) -> None:
    """Scale regions to the control totals in place, booking the change as migration."""
    groups = np.asarray(control.groups)
    sums = np.zeros((end.shape[0], int(groups.max()) + 1, *end.shape[2:]), end.dtype)
    np.add.at(sums, (slice(None), groups), end)
    target = at_step(control.totals, step)
    factor = np.divide(target, sums, out=np.ones_like(sums), where=sums > 0)
    scaled = end * factor[:, groups]
    migrants += scaled - end
    end[...] = scaled


def _region_part(assumptions: Assumptions, part: slice) -> Assumptions:
    """The assumptions of a slice of regions (arrays constant over regions are kept whole)."""
    changes = {
        name: values[:, :, part]
        for name, values in assumptions.arrays().items()
        if values.shape[REGION_AXIS] > 1
    }
    return replace(assumptions, **changes)


def _project_into(
    out: dict[str, np.ndarray], a: Assumptions, steps: int, control: ControlTotals | None
) -> None:
    """Run every step for the regions of ``out`` (views into the result arrays)."""
    population, births = out["population"], out["births"]
    deaths, net_migration = out["deaths"], out["net_migration"]
    shape = population[:, 0].shape
    survivors = np.empty(shape, population.dtype)
    work = np.empty(shape, population.dtype)
    for t in range(steps):
        current, end = population[:, t], population[:, t + 1]
        migrants, step_deaths = net_migration[:, t], deaths[:, t]
        np.multiply(current, at_step(a.survival_ratio, t), out=work)
        _inflow_into(work, survivors)
        np.multiply(at_step(a.net_migration_rate, t), at_step(a.migration_multiplier, t), out=work)
        np.add(work, at_step(a.migration_delta, t), out=work)
        np.multiply(current, work, out=work)
        _inflow_into(work, migrants)
        if a.net_migrants is not None:
            migrants[..., 1:] += at_step(a.net_migrants, t)[..., 1:]
        # A net out-flow can never take more people than survived: no negative population.
        np.negative(survivors, out=work)
        np.maximum(migrants, work, out=migrants)
        np.add(survivors, migrants, out=end)
        women = end[..., FEMALE, WOMEN_15_49].sum(axis=-1)
        children = women * at_step(a.child_woman_ratio, t) * at_step(a.fertility_factor, t)
        sex_ratio = at_step(a.sex_ratio_0_4, t)
        end[..., MALE, 0] = children * sex_ratio / (100.0 + sex_ratio)
        end[..., FEMALE, 0] = children - end[..., MALE, 0]
        if a.net_migrants is not None:
            np.maximum(at_step(a.net_migrants, t)[..., 0], -end[..., 0], out=migrants[..., 0])
            end[..., 0] += migrants[..., 0]
        if control is not None:
            _apply_control(end, migrants, control, t)
        survived_births = end[..., 0] - migrants[..., 0]
        born_alive = np.broadcast_to(at_step(a.birth_survival, t), survived_births.shape)
        np.divide(survived_births, born_alive, out=births[:, t], where=born_alive > 0)
        births[:, t][born_alive <= 0] = 0.0
        _inflow_into(current, step_deaths)
        np.subtract(step_deaths, survivors, out=step_deaths)
        step_deaths[..., 0] = births[:, t] - survived_births


def _run_threads(job, n_regions: int, threads: int) -> None:
    """``job(part)`` for contiguous slices of regions, on ``threads`` threads."""
    if threads <= 1:
        job(slice(0, n_regions))
        return
    bounds = np.linspace(0, n_regions, threads + 1).astype(int)
    with ThreadPoolExecutor(threads) as pool:
        for done in [pool.submit(job, slice(lo, hi)) for lo, hi in pairwise(bounds)]:
            done.result()


def project_cohort_component(
    base: Population | np.ndarray,
    assumptions: Assumptions,
    steps: int,
    base_year: int | None = None,
    scenarios: tuple[str, ...] | None = None,
    control: ControlTotals | None = None,
    threads: int | None = None,
    components: bool = False,
    dtype: type | np.dtype = np.float64,
) -> Projection:
    """Project ``base`` forward ``steps`` five-year steps under ``assumptions``.

    ``base`` is a :class:`Population` (region, sex, age) or an array (scenario, region, sex,
    age) when scenarios start from different bases. Returns every 5-year point; with
    ``components`` also the births, deaths and net migration of every step (see
    :class:`Projection`), which triples the memory of a batch and is what reports and balance
    checks need. Without them (and without control totals or fixed net migrants) regions are
    projected in cache-sized blocks (:mod:`sousei.demography.cohort_kernel`), with the same
    float64 numbers. ``dtype=np.float32`` halves memory traffic for large batches (results
    within ~1e-5 relative of float64).
    """
    if isinstance(base, Population):
        values, regions, base_year = base.values, base.regions, base.year
        nationality = base.nationality
    else:
        values, regions, nationality = np.asarray(base, dtype=float), (), "total"
        if base_year is None:
            raise ValueError("基準年を指定してください")
    dtype = np.dtype(dtype)
    if dtype not in (np.dtype(np.float64), np.dtype(np.float32)):
        raise ValueError(f"dtype は float64 か float32 です（{dtype} が指定されました）")
    n_scen = max(assumptions.n_scenarios(), values.shape[0] if values.ndim == 4 else 1)
    shape = (n_scen, *values.shape[-3:])
    n_regions = shape[1]
    population = np.empty((n_scen, steps + 1, *shape[1:]), dtype)
    population[:, 0] = values if values.ndim == 4 else values[None]
    threads = threads or min(os.cpu_count() or 1, max(1, n_regions // MIN_REGIONS_PER_THREAD))
    recorded = components or control is not None or assumptions.net_migrants is not None
    if recorded:
        out = {
            "population": population,
            "births": np.empty((n_scen, steps, *shape[1:3]), dtype),
            "deaths": np.empty((n_scen, steps, *shape[1:]), dtype),
            "net_migration": np.empty((n_scen, steps, *shape[1:]), dtype),
        }
        if control is not None:
            _project_into(out, assumptions, steps, control)
        else:
            _run_threads(
                lambda part: _project_into(
                    {name: array[:, :, part] for name, array in out.items()},
                    _region_part(assumptions, part), steps, None,
                ),
                n_regions, threads,
            )
        kept = out if components else {"births": None, "deaths": None, "net_migration": None}
    else:
        arrays = {name: np.asarray(v, dtype) for name, v in assumptions.arrays().items()}
        _run_threads(
            lambda part: project_population_into(population, arrays, steps, part),
            n_regions, threads,
        )
        kept = {"births": None, "deaths": None, "net_migration": None}
    years = tuple(int(base_year) + AGE_STEP * i for i in range(steps + 1))
    names = scenarios or tuple(f"scenario_{k}" for k in range(n_scen))
    if len(names) != n_scen:
        raise ValueError(f"シナリオ名が {len(names)} 個ですが、推計は {n_scen} 本です")
    return Projection(
        years=years,
        regions=tuple(regions) or tuple(str(i) for i in range(n_regions)),
        scenarios=names,
        nationality=nationality,
        population=population,
        births=kept["births"],
        deaths=kept["deaths"],
        net_migration=kept["net_migration"],
    )
