"""Invariants of the cohort-component kernel, for any population and assumptions."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sousei.demography.cohort_component import project_cohort_component
from sousei.demography.population import Population
from sousei.demography.rates import cohort_inflow
from sousei.demography.runner import project_scenarios
from sousei.demography.scenarios import BASELINE, MigrationDelta, Scenario, TfrPath

from .strategies import assumptions, populations

STEPS = 4


def _scale(values: np.ndarray) -> float:
    return max(1.0, float(np.abs(values).max()))


@settings(max_examples=60, deadline=None)
@given(populations(), assumptions(steps=STEPS))
def test_every_step_balances(base, a) -> None:
    projection = project_cohort_component(base, a, STEPS, base_year=2020, components=True)
    residual = projection.balance_residual()
    assert np.abs(residual).max() <= 1e-9 * _scale(projection.population)


@settings(max_examples=60, deadline=None)
@given(populations(), assumptions(steps=STEPS))
def test_no_negative_population(base, a) -> None:
    projection = project_cohort_component(base, a, STEPS, base_year=2020, components=True)
    assert projection.population.min() >= 0.0


@settings(max_examples=60, deadline=None)
@given(populations(), assumptions(steps=STEPS, migration=True))
def test_zero_migration_scenario_is_the_closed_population(base, a) -> None:
    closed = project_cohort_component(
        base, a.with_scenarios(net_migration_rate=np.zeros(1)), STEPS, base_year=2020,
        components=True,
    )
    zero = project_cohort_component(
        base, a.with_scenarios(migration_multiplier=np.zeros(1)), STEPS, base_year=2020
    )
    np.testing.assert_allclose(zero.population, closed.population, rtol=0, atol=1e-9)
    assert np.all(closed.net_migration == 0.0)


@settings(max_examples=60, deadline=None)
@given(populations(), assumptions(steps=STEPS, migration=False))
def test_closed_cohorts_lose_only_their_deaths(base, a) -> None:
    """Without migration a cohort five years on is exactly its survivors (people conserved)."""
    projection = project_cohort_component(base, a, STEPS, base_year=2020, components=True)
    start, end = projection.population[0, 0], projection.population[0, 1]
    survivors = cohort_inflow(start * a.survival_ratio[0, 0])
    np.testing.assert_allclose(end[..., 1:], survivors[..., 1:], rtol=1e-12, atol=1e-9)
    # With every survival ratio at 1 nobody is lost at all.
    immortal = project_cohort_component(
        base, a.with_scenarios(survival_ratio=np.ones(1)), STEPS, base_year=2020
    )
    moved_on = immortal.population[0, 1, ..., 1:].sum()
    assert np.isclose(moved_on, base.sum(), rtol=1e-12, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(populations(), assumptions(steps=STEPS), st.floats(0.5, 3.0))
def test_scenario_that_changes_nothing_equals_the_baseline(base, a, tfr) -> None:
    population = Population(base, ("01100", "13101", "40203"), 2020)
    nothing = Scenario(
        name="no change",
        tfr=TfrPath(((2040, 0.0),), relative=True),
        migration=(MigrationDelta(10, 29, 0.0),),
    )
    run = project_scenarios(population, a, tfr, STEPS, (BASELINE, nothing))
    assert np.array_equal(run.total.population[0], run.total.population[1])
