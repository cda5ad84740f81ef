"""Benchmark: every municipality x 100 scenarios, 2015 -> 2045, against two references.

Times the engine (``project_scenarios`` without per-cell components, float64 and float32)
against, in the same run, (1) a plain float64 numpy version of the same method and shape (one
whole-array expression per operation over (region, scenario, sex, age), a new array per
intermediate) and (2) a straightforward per-cohort Python loop on a sample of at least a
second, scaled per cell. Runs alternate engine / reference so that load drift hits both; the
ratios are what docs/performance.md records.
"""

from __future__ import annotations

import os
import time

import numpy as np

from sousei.demography.ages import FEMALE, MALE, N_AGES, OPEN, WOMEN_15_49
from sousei.demography.assumptions import at_step
from sousei.demography.runner import _with_scenarios, project_scenarios
from sousei.demography.scenarios import (
    BASELINE,
    MigrationDelta,
    Scenario,
    TfrPath,
    migration_arrays,
    tfr_paths,
)
from sousei.vision.inputs import base_tfr, census_history
from sousei.vision.run import ProjectionRequest, census_inputs

STEPS = 6
N_SCENARIOS = 100
REPEATS = 5
LOOP_SECONDS = 1.0


def scenarios() -> tuple[Scenario, ...]:
    made = [BASELINE]
    for k in range(1, N_SCENARIOS):
        made.append(
            Scenario(
                name=f"s{k}",
                tfr=TfrPath(((2045, 0.005 * k),)),
                migration=(MigrationDelta(10, 29, 0.0005 * (k % 20)),),
            )
        )
    return tuple(made)


def loop_projection(base, s, m, cwr, sex_ratio, factor, delta, steps):
    """The method written as most spreadsheets and first scripts write it: cell by cell.

    ``s``, ``m``: (step, region, sex, age); ``cwr``, ``factor``: (scenario or 1, step, region)
    and (scenario, step, region); ``sex_ratio``: (region,); ``delta``: (scenario, step, sex, age).
    """
    n_scen, n_reg = factor.shape[0], base.shape[0]
    out = np.zeros((n_scen, steps + 1, n_reg, 2, N_AGES))
    for k in range(n_scen):
        for r in range(n_reg):
            current = [[float(base[r, x, a]) for a in range(N_AGES)] for x in range(2)]
            out[k, 0, r] = current
            for t in range(steps):
                new = [[0.0] * N_AGES for _ in range(2)]
                for x in range(2):
                    for a in range(N_AGES):
                        to = min(a + 1, N_AGES - 1)
                        rate = s[t, r, x, a] + m[t, r, x, a] + delta[k, t, x, a]
                        new[x][to] += current[x][a] * rate
                    for a in range(1, N_AGES):
                        new[x][a] = max(new[x][a], 0.0)
                women = sum(new[1][3:10])
                children = cwr[t, r] * factor[k, t, r] * women
                boys = children * sex_ratio[r] / (100.0 + sex_ratio[r])
                new[0][0], new[1][0] = boys, children - boys
                out[k, t + 1, r] = new
                current = new
    return out


def numpy_reference(base: np.ndarray, a, steps: int) -> np.ndarray:
    """The simplest correct numpy cohort-component step over (region, scenario, sex, age)."""
    n_scen = a.n_scenarios()
    out = np.empty((steps + 1, base.shape[0], n_scen, 2, N_AGES))
    out[0] = base[:, None]
    for t in range(steps):
        def now(values, t=t):
            return np.swapaxes(at_step(values, t), 0, 1)  # (region, scenario, ...)

        rate = now(a.survival_ratio) + now(a.net_migration_rate) * now(
            a.migration_multiplier
        ) + now(a.migration_delta)
        moved = out[t] * rate
        end = out[t + 1]
        end[..., 1:OPEN] = moved[..., : OPEN - 1]
        end[..., OPEN] = moved[..., OPEN - 1] + moved[..., OPEN]
        np.maximum(end, 0.0, out=end)
        women = end[..., FEMALE, WOMEN_15_49].sum(axis=-1)
        children = women * now(a.child_woman_ratio) * now(a.fertility_factor)
        sex_ratio = now(a.sex_ratio_0_4)
        end[..., MALE, 0] = children * sex_ratio / (100.0 + sex_ratio)
        end[..., FEMALE, 0] = children - end[..., MALE, 0]
    return out


def timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def main() -> None:
    history = census_history()
    regions = history.regions
    request = ProjectionRequest(regions, 2015, 2015 + 5 * STEPS)
    base, assumptions = census_inputs(request)
    tfr = base_tfr(regions, 2015)
    batch = scenarios()
    changed, _ = _with_scenarios(assumptions, batch, tfr, 2015, STEPS)
    for dtype in (np.float64, np.float32):  # warm-up: imports, allocator
        project_scenarios(base, assumptions, tfr, 1, batch[:2], components=False, dtype=dtype)
    numpy_reference(base.values, changed, 1)

    runs: dict[str, list[float]] = {"engine": [], "float32": [], "reference": []}
    for _ in range(REPEATS):
        seconds, run = timed(lambda: project_scenarios(
            base, assumptions, tfr, STEPS, batch, components=False))
        runs["engine"].append(seconds)
        del run
        seconds, reference = timed(lambda: numpy_reference(base.values, changed, STEPS))
        runs["reference"].append(seconds)
        del reference
        seconds, run = timed(lambda: project_scenarios(
            base, assumptions, tfr, STEPS, batch, components=False, dtype=np.float32))
        runs["float32"].append(seconds)
        del run
    run = project_scenarios(base, assumptions, tfr, STEPS, batch, components=False)
    single = project_scenarios(
        base, assumptions, tfr, STEPS, batch, components=False, dtype=np.float32)
    reference = numpy_reference(base.values, changed, STEPS)
    engine_pop = run.total.population
    same_ref = np.allclose(
        np.moveaxis(reference, (0, 1), (1, 2)), engine_pop, rtol=1e-9, atol=1e-6)
    rel32 = np.abs(single.total.population - engine_pop) / np.maximum(engine_pop, 1.0)
    cells = engine_pop[:, 1:].size
    best = {name: min(values) for name, values in runs.items()}
    median = {name: float(np.median(values)) for name, values in runs.items()}
    pairs = np.array(runs["engine"]) / np.array(runs["reference"])
    pairs32 = np.array(runs["float32"]) / np.array(runs["reference"])
    print(f"batch: {len(regions)} municipalities x {len(batch)} scenarios x {STEPS} steps "
          f"= {cells:,} cells; {REPEATS} alternating runs each")
    for name in runs:
        print(f"  {name:9s}: best {best[name]:.3f} s, median {median[name]:.3f} s")
    print(f"  numpy reference gives the same numbers (1e-9): {same_ref}; "
          f"float32 max relative difference {rel32.max():.1e}")
    print(f"engine / numpy reference: median of pairs {np.median(pairs):.2f} "
          f"(min {pairs.min():.2f}, max {pairs.max():.2f}); float32 {np.median(pairs32):.2f}")

    sample_regions, sample_scen = 80, 5
    while True:
        loop_seconds, looped = timed(lambda n=sample_scen: loop_sample(
            base, assumptions, tfr, batch, sample_regions, n))
        if loop_seconds >= LOOP_SECONDS or sample_scen >= N_SCENARIOS:
            break
        sample_scen = min(N_SCENARIOS, sample_scen * 2)
    same = np.allclose(
        looped, engine_pop[:sample_scen, :, :sample_regions], rtol=1e-9, atol=1e-6
    )
    full_loop = loop_seconds / looped[:, 1:].size * cells
    print(
        f"per-cohort loop: {sample_regions} municipalities x {sample_scen} scenarios in "
        f"{loop_seconds:.2f} s (same numbers: {same}); scaled to the full batch: {full_loop:.0f} s"
    )
    print(f"loop / engine (median): {full_loop / median['engine']:.0f}x; "
          f"float32 {full_loop / median['float32']:.0f}x")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")


def loop_sample(base, assumptions, tfr, batch, sample_regions: int, sample_scen: int):
    shape = (STEPS, sample_regions, 2, N_AGES)
    part = slice(0, sample_regions)
    s = np.broadcast_to(assumptions.extended(STEPS).survival_ratio[0][:, :sample_regions], shape)
    m = np.broadcast_to(assumptions.extended(STEPS).net_migration_rate[0][:, part], shape)
    cwr = np.broadcast_to(
        assumptions.extended(STEPS).child_woman_ratio[0][:, part], (STEPS, sample_regions)
    )
    sex_ratio = np.broadcast_to(assumptions.sex_ratio_0_4[0, 0][part], (sample_regions,))
    years = 2015 + 5 * np.arange(STEPS + 1)
    paths = tfr_paths(batch[:sample_scen], tfr[part], 2015, years)
    factor = paths[:, 1:] / tfr[part]
    _, delta = migration_arrays(batch[:sample_scen], 2015, STEPS)
    delta = np.broadcast_to(delta[:, :, 0], (sample_scen, STEPS, 2, N_AGES))
    return loop_projection(base.values[part], s, m, cwr, sex_ratio, factor, delta, STEPS)


if __name__ == "__main__":
    main()
