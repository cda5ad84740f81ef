"""Benchmark: every municipality x 100 scenarios, 2015 -> 2045, against a per-cohort loop.

Prints wall time and peak memory of the vectorised engine, and the time of a straightforward
Python loop over scenario x region x sex x age doing the same arithmetic on a sample (timed
per cell and scaled up; the full loop would take minutes). Results go to docs/performance.md.
"""

from __future__ import annotations

import os
import time
import tracemalloc

import numpy as np

from sousei.demography.ages import N_AGES
from sousei.demography.runner import project_scenarios
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
REPEATS = 3


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
    """The method written as most spreadsheets and first scripts write it: cell by cell."""
    n_scen, n_reg = factor.shape[0], base.shape[0]
    out = np.zeros((n_scen, steps + 1, n_reg, 2, N_AGES))
    for k in range(n_scen):
        for r in range(n_reg):
            current = [[float(base[r, x, a]) for a in range(N_AGES)] for x in range(2)]
            out[k, 0, r] = current
            for t in range(steps):
                new = [[0.0] * N_AGES for _ in range(2)]
                for x in range(2):
                    for a in range(N_AGES - 1):
                        to = min(a + 1, N_AGES - 1)
                        rate = s[r, x, a] + m[r, x, a] + delta[k, t, x, a]
                        new[x][to] += max(current[x][a] * rate, 0.0)
                    new[x][N_AGES - 1] += max(
                        current[x][N_AGES - 1] * (s[r, x, -1] + m[r, x, -1] + delta[k, t, x, -1]),
                        0.0,
                    )
                women = sum(new[1][3:10])
                children = cwr[r] * factor[k, t, r] * women
                boys = children * sex_ratio / (100.0 + sex_ratio)
                new[0][0], new[1][0] = boys, children - boys
                out[k, t + 1, r] = new
                current = new
    return out


def main() -> None:
    history = census_history()
    regions = history.regions
    request = ProjectionRequest(regions, 2015, 2015 + 5 * STEPS)
    base, assumptions = census_inputs(request)
    tfr = base_tfr(regions, 2015)
    batch = scenarios()
    project_scenarios(base, assumptions, tfr, 1, batch[:2])  # warm-up: imports, allocator

    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run = project_scenarios(base, assumptions, tfr, STEPS, batch)
        timings.append(time.perf_counter() - start)
        del run
    tracemalloc.start()
    run = project_scenarios(base, assumptions, tfr, STEPS, batch)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    seconds = min(timings)
    cells = run.total.population[:, 1:].size
    print(
        f"vectorised: {len(regions)} municipalities x {len(batch)} scenarios x {STEPS} steps "
        f"= {cells:,} cells: best {seconds:.2f} s, median {np.median(timings):.2f} s of {REPEATS}; "
        f"peak traced memory {peak / 2**20:.0f} MiB (results and work buffers)"
    )

    sample_regions, sample_scen = 40, 5
    shape = (sample_regions, 2, N_AGES)
    s = np.broadcast_to(assumptions.survival_ratio[0, 0], shape)
    m = np.broadcast_to(assumptions.net_migration_rate[0, 0, :sample_regions], shape)
    cwr = assumptions.child_woman_ratio[0, 0, :sample_regions]
    sex_ratio = float(assumptions.sex_ratio_0_4.ravel()[0])
    years = 2015 + 5 * np.arange(STEPS + 1)
    paths = tfr_paths(batch[:sample_scen], tfr[:sample_regions], 2015, years)
    factor = paths[:, 1:] / tfr[:sample_regions]
    _, delta = migration_arrays(batch[:sample_scen], 2015, STEPS)
    start = time.perf_counter()
    looped = loop_projection(
        base.values[:sample_regions], s, m, cwr, sex_ratio, factor, delta[:, :, 0], STEPS
    )
    loop_seconds = time.perf_counter() - start
    same = np.allclose(
        looped, run.total.population[:sample_scen, :, :sample_regions], rtol=1e-9, atol=1e-6
    )
    per_cell = loop_seconds / looped[:, 1:].size
    full_loop = per_cell * cells
    print(
        f"per-cohort loop: {sample_regions} municipalities x {sample_scen} scenarios in {loop_seconds:.2f} s "
        f"(same numbers: {same}); scaled to the full batch: {full_loop:.0f} s"
    )
    print(f"speed-up (best vectorised run): {full_loop / seconds:.0f}x")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
