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
# One work buffer. Measured on the census batch (2 threads, 2026-12-03): 64 KiB 0.63 s, 256 KiB
# 0.22 s, 512 KiB 0.14 s, 1 MiB 0.10 s, 4 MiB 0.14 s, 32 MiB 0.18 s: below ~1 MiB the numpy
# calls per block cost more than the cache saves, above it the buffers leave L2/L3.
BLOCK_BYTES = 1024 * 1024


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
    # With a non-negative base every later cell is a product of non-negative numbers once the
    # ratios are (the assumptions refuse negative child-woman ratios, factors and sex ratios),
    # so the recorded path's clamp of ages 5-89 equals a clamp of their ratios, and the open
    # group is clamped after its sum, as there. Both are skipped when no ratio of the block can
    # be negative (the common case; the bound is taken on the small per-region and
    # per-scenario arrays). A raw base array with negative cells is clamped as recorded.
    base_non_negative = bool(np.all(population[:, 0, regions] >= 0))
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
            # own (small) shapes, copied out and the deltas added in place (a broadcast add of
            # the two shapes into a third array is twice as slow).
            own = at_step(a["survival_ratio"], t) + (
                at_step(a["net_migration_rate"], t) if unit_multiplier else
                at_step(a["net_migration_rate"], t) * at_step(a["migration_multiplier"], t))
            delta = at_step(a["migration_delta"], t)
            np.copyto(rate, own)
            rate += delta
            negative = not own.min() + delta.min() >= 0  # NaN takes the clamping way too
            if negative and base_non_negative:
                np.maximum(rate[..., : OPEN - 1], 0.0, out=rate[..., : OPEN - 1])
            np.multiply(current, rate, out=moved)
            # Each group moves on one, shifted along each region's whole (sex, age) run (a
            # near copy; the cell landing on the next sex's or region's age 0 is overwritten by
            # the births below). Writing the product shifted instead is slower: misaligned.
            # The open group gathers 85-89 and 90+.
            _flat(end)[:, 1:] = _flat(moved)[:, :-1]
            np.add(moved[..., OPEN - 1], moved[..., OPEN], out=end[..., OPEN])
            if not base_non_negative:  # a negative base: the results are clamped, as recorded
                np.maximum(end[..., 1:], 0.0, out=end[..., 1:])
            elif negative:  # a net out-flow never takes more people than survived
                np.maximum(end[..., OPEN], 0.0, out=end[..., OPEN])
            # A plain sum, not a product with a 0/1 vector: BLAS's order of addition follows
            # the block's shape, and chunked runs (Dask) must give the in-memory numbers exactly.
            women = end[..., FEMALE, WOMEN_15_49].sum(axis=-1)
            children = women * at_step(a["child_woman_ratio"], t)
            children *= at_step(a["fertility_factor"], t)
            sex_ratio = at_step(a["sex_ratio_0_4"], t)
            end[..., MALE, 0] = children * sex_ratio / (100.0 + sex_ratio)
            end[..., FEMALE, 0] = children - end[..., MALE, 0]


def _flat(block: np.ndarray) -> np.ndarray:
    """(scenario, region, sex, age) as (scenario, region x sex x age), a view (never a copy)."""
    flat = block.reshape(block.shape[0], -1)
    if flat.__array_interface__["data"][0] != block.__array_interface__["data"][0]:
        raise AssertionError("ブロックが連続していません（コピーに書いても推計に残りません）")
    return flat
