"""The population-only blocked kernel gives the recorded path's numbers (float64 to rounding:
one product by the whole ratio instead of two products and a sum)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings

from sousei.demography import cohort_kernel
from sousei.demography.cohort_component import project_cohort_component
from sousei.demography.runner import project_scenarios
from sousei.demography.scenarios import BASELINE, MigrationDelta, Scenario, TfrPath
from sousei.vision.inputs import base_tfr
from sousei.vision.run import ProjectionRequest, census_inputs

from .strategies import assumptions, populations

FUKUOKA_SAMPLE = ("40203", "40227", "40204", "40205", "40130", "40100", "40344", "40621")


@settings(max_examples=60, deadline=None)
@given(populations(regions=5), assumptions(regions=5, steps=4))
def test_population_only_equals_the_recorded_path(base, a) -> None:
    recorded = project_cohort_component(base, a, 4, base_year=2020, components=True)
    fast = project_cohort_component(base, a, 4, base_year=2020, threads=2)
    assert fast.births is None and fast.deaths is None and fast.net_migration is None
    np.testing.assert_allclose(fast.population, recorded.population, rtol=1e-12, atol=1e-6)
    with pytest.raises(ValueError, match="記録していない"):
        fast.balance_residual()


@settings(max_examples=30, deadline=None)
@given(populations(regions=4), assumptions(regions=4, steps=3, migration=False))
def test_without_out_flows_the_clamp_is_skipped_and_nothing_changes(base, a) -> None:
    """Survival alone (no ratio below 0): the kernel skips its clamp, the result is the same."""
    recorded = project_cohort_component(base, a, 3, base_year=2020, components=True)
    fast = project_cohort_component(base, a, 3, base_year=2020)
    np.testing.assert_allclose(fast.population, recorded.population, rtol=1e-12, atol=1e-6)


@settings(max_examples=30, deadline=None)
@given(populations(regions=4), assumptions(regions=4, steps=3))
def test_a_negative_base_array_is_clamped_as_in_the_recorded_path(base, a) -> None:
    """A raw base array may hold negative cells (no Population check): the kernel then clamps
    the results, not the ratios, since a negative cohort times a clamped ratio would differ."""
    values = np.asarray(base, float).copy()[None]
    values[0, 0, 1, 5] = -50.0
    recorded = project_cohort_component(values, a, 3, base_year=2020, components=True)
    fast = project_cohort_component(values, a, 3, base_year=2020)
    np.testing.assert_allclose(fast.population, recorded.population, rtol=1e-12, atol=1e-6)


def _batch() -> tuple[Scenario, ...]:
    return (BASELINE, *(
        Scenario(f"s{k}", tfr=TfrPath(((2045, 1.2 + 0.1 * k),)),
                 migration=(MigrationDelta(15, 34, 0.002 * k - 0.01),))
        for k in range(1, 12)
    ))


def test_census_batch_same_in_float64_and_close_in_float32(monkeypatch) -> None:
    """Real municipalities, 12 scenarios, blocks of 1-2 regions split over two threads."""
    request = ProjectionRequest(FUKUOKA_SAMPLE, 2015, 2045)
    base, a = census_inputs(request)
    tfr = base_tfr(FUKUOKA_SAMPLE, 2015)
    recorded = project_scenarios(base, a, tfr, 6, _batch()).total
    monkeypatch.setattr(cohort_kernel, "BLOCK_BYTES", 12 * 2 * 19 * 8 * 2)
    fast = project_scenarios(base, a, tfr, 6, _batch(), components=False).total
    assert fast.births is None
    np.testing.assert_allclose(fast.population, recorded.population, rtol=1e-13, atol=1e-9)
    single = project_scenarios(base, a, tfr, 6, _batch(), components=False, dtype=np.float32)
    assert single.total.population.dtype == np.float32
    np.testing.assert_allclose(single.total.population, recorded.population, rtol=1e-4, atol=1e-2)
    totals = single.total.population.sum(axis=(-2, -1), dtype=np.float64)
    np.testing.assert_allclose(totals, recorded.population.sum(axis=(-2, -1)), rtol=1e-5)
    # 久留米市 is projected to shrink under the baseline: the kernel is not a copy of the base.
    kurume = recorded.population[0, :, 0].sum(axis=(-2, -1))
    assert kurume[-1] < kurume[0]


def test_float32_recorded_components_balance() -> None:
    base, a = census_inputs(ProjectionRequest(FUKUOKA_SAMPLE[:3], 2015, 2045))
    run = project_cohort_component(base, a, 6, components=True, dtype=np.float32)
    assert run.births.dtype == np.float32
    assert np.abs(run.balance_residual()).max() < 1e-4 * run.population.max()


def test_other_dtypes_are_refused() -> None:
    base, a = census_inputs(ProjectionRequest(FUKUOKA_SAMPLE[:1], 2015, 2025))
    with pytest.raises(ValueError, match="float64 か float32"):
        project_cohort_component(base, a, 2, dtype=np.int64)


def test_the_numbers_do_not_depend_on_the_block_size(monkeypatch) -> None:
    """Chunked runs (Dask, threads) must give the in-memory numbers bit for bit, so no step
    may add in an order that follows the block's shape (a BLAS product did)."""
    request = ProjectionRequest(FUKUOKA_SAMPLE, 2015, 2045)
    base, a = census_inputs(request)
    tfr = base_tfr(FUKUOKA_SAMPLE, 2015)
    whole = project_scenarios(base, a, tfr, 6, _batch(), components=False).total.population
    monkeypatch.setattr(cohort_kernel, "BLOCK_BYTES", 12 * 2 * 19 * 8 * 3)
    blocks = project_scenarios(base, a, tfr, 6, _batch(), components=False).total.population
    assert np.array_equal(whole, blocks)
