"""The cohort-component step for population only, run in cache-sized blocks of regions.

A batch of every municipality x 100 scenarios is ~50 MB per step and array: a step written as
whole-array numpy expressions streams each intermediate through main memory. Regions are
independent (without control totals), so this kernel takes a block of regions small enough
that its work buffers stay in the CPU cache, runs every step for it, and only the projected
population leaves the cache. Births, deaths and migration are not kept (the recorded path in
:mod:`sousei.demography.cohort_component` keeps them), so each cell is multiplied once by its
whole ratio (survival + net migration) where the recorded path multiplies by each and adds:
two passes fewer over every block, and float64 results within 1e-13 relative of the recorded
path's (rounding order only; tests/demography/test_cohort_kernel.py).
"""

from __future__ import annotations

import numpy as np

from sousei.demography.ages import FEMALE, MALE, OPEN, WOMEN_15_49
from sousei.demography.assumptions import at_step

REGION_AXIS = 2  # of the padded assumption arrays: (scenario, step, region, ...)
BLOCK_BYTES = 512 * 1024  # one work buffer; three of them and the step's slice fit in L2


def block_regions(n_scenarios: int, itemsize: int) -> int:
    """Regions per block so that one (scenario, block, sex, age) buffer is ~BLOCK_BYTES."""
    per_region = n_scenarios * 2 * (OPEN + 1) * itemsize
    return max(1, BLOCK_BYTES // per_region)


def _block(arrays: dict[str, np.ndarray], part: slice) -> dict[str, np.ndarray]:
    return {
        name: values[:, :, part] if values.shape[REGION_AXIS] > 1 else values
        for name, values in arrays.items()
    }


def project_population_into(
    population: np.ndarray, arrays: dict[str, np.ndarray], steps: int, regions: slice
) -> None:
    """Fill ``population[:, 1:, regions]`` from ``population[:, 0, regions]``, block by block.

    ``arrays`` are the assumption arrays (padded, in the population's dtype); ``net_migrants``
    and control totals are not handled here (the caller uses the recorded path for them).
    """
    dtype = population.dtype
    unit_multiplier = bool(np.all(arrays["migration_multiplier"] == 1.0))
    n_scen = population.shape[0]
    size = block_regions(n_scen, dtype.itemsize)
    start, stop = regions.start or 0, regions.stop
    cells = (n_scen, min(size, stop - start), 2, OPEN + 1)
    rate_cached = np.empty(cells, dtype)
    moved_cached = np.empty(cells, dtype)
    for lo in range(start, stop, size):
        part = slice(lo, min(lo + size, stop))
        width = part.stop - part.start
        a = _block(arrays, part)
        rate, moved = rate_cached[:, :width], moved_cached[:, :width]
        for t in range(steps):
            current, end = population[:, t, part], population[:, t + 1, part]
            # One ratio per cell (survival + net migration), one product: the recorded path
            # multiplies twice and adds, since it keeps survivors and migrants apart. Survival
            # and the rates are per region, the deltas per scenario: they are summed at their
            # own (small) shapes and meet in one pass over the block.
            own = at_step(a["survival_ratio"], t) + (
                at_step(a["net_migration_rate"], t) if unit_multiplier else
                at_step(a["net_migration_rate"], t) * at_step(a["migration_multiplier"], t))
            np.add(own, at_step(a["migration_delta"], t), out=rate)
            np.multiply(current, rate, out=moved)
            # Each group moves on one; the open group gathers 85-89 and 90+.
            end[..., 1:OPEN] = moved[..., : OPEN - 1]
            np.add(moved[..., OPEN - 1], moved[..., OPEN], out=end[..., OPEN])
            # A net out-flow never takes more people than survived (the recorded path's clamp).
            np.maximum(end[..., 1:], 0.0, out=end[..., 1:])
            women = end[..., FEMALE, WOMEN_15_49].sum(axis=-1)
            children = women * at_step(a["child_woman_ratio"], t)
            children *= at_step(a["fertility_factor"], t)
            sex_ratio = at_step(a["sex_ratio_0_4"], t)
            end[..., MALE, 0] = children * sex_ratio / (100.0 + sex_ratio)
            end[..., FEMALE, 0] = children - end[..., MALE, 0]
