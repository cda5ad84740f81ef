"""The cohort change method with arrivals as counts: invariants, the trainee case, bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sousei.demography.ages import FEMALE, MALE, N_AGES
from sousei.demography.cohort_change import aged, estimate_cohort_change, project_cohort_change
from sousei.demography.population import Population
from tests.demography.strategies import populations

REGIONS = ("00001", "00002", "00003")


def _trainees(men: float, women: float, older: float) -> np.ndarray:
    """One town: ``men`` trainees aged 20-24 and ``women`` aged 25-29 (both sexes alike)."""
    values = np.zeros((1, 2, N_AGES))
    values[0, :, 4] = men
    values[0, :, 5] = women
    return values


@settings(max_examples=60, deadline=None)
@given(st.floats(0.5, 400), st.floats(0.5, 400), st.integers(2, 4), st.sampled_from([1, 5]),
       st.integers(1, 8))
def test_trainees_kept_constant_are_projected_constant(a20, a25, dates, span, steps) -> None:
    """40 trainees aged 20-29 at every date stay 40, whether the tables are 1 or 5 years apart:
    arrivals into the empty 15-19 -> 20-24 cohort are counts, not lost."""
    history = [_trainees(a20, a25, 0.0)] * dates
    change = estimate_cohort_change(history, span)
    base = Population(history[-1], ("00001",), 2020, "foreign")
    projected = project_cohort_change(base, change, steps).population[0]
    np.testing.assert_allclose(projected, np.broadcast_to(history[-1], projected.shape),
                               rtol=1e-9, atol=1e-9)
    assert change.ratio.max() <= 1.0


def test_the_forty_trainees_of_the_issue() -> None:
    history = [_trainees(10.0, 10.0, 0.0)] * 3  # 20 men and 20 women
    change = estimate_cohort_change(history, 5)
    base = Population(history[-1], ("00001",), 2020, "foreign")
    totals = project_cohort_change(base, change, 2).population[0].sum(axis=(-3, -2, -1))
    np.testing.assert_allclose(totals, [40.0, 40.0, 40.0])
    assert change.arrivals[0, MALE, 4] == pytest.approx(10.0)  # 20-24: all arrive
    assert change.ratio[0, FEMALE, 5] == pytest.approx(1.0)  # 25-29: those present stay
    assert change.ratio[0, FEMALE, 6] == pytest.approx(0.0)  # 30-34: they leave


@settings(max_examples=50, deadline=None)
@given(populations(), populations(), st.sampled_from([1, 5]))
def test_one_period_reproduces_what_was_observed(start, end, span) -> None:
    """Estimated from two dates, one period from the first reproduces the second wherever the
    cohort had at least ``small_cohort`` persons (elsewhere the pooled ratio stands in)."""
    change = estimate_cohort_change([start, end], span, cap=1.0, small_cohort=0.0)
    base = Population(start, REGIONS, 2015, "foreign")
    steps = 5 // span
    if steps != 1:  # a yearly estimate projects 5 years at a time; check one period directly
        ratio, arrivals = change.ratio, change.arrivals
        women = start[:, FEMALE, 3:10].sum(axis=-1)
        moved = ratio * aged(start, span) + arrivals
        moved[..., 0] += change.child_rate * women[:, None]
    else:
        moved = project_cohort_change(base, change, 1).population[0, 1]
    has_women = start[:, FEMALE, 3:10].sum(axis=-1) > 1e-9
    cells = np.ones_like(end, dtype=bool)
    cells[~has_women, :, 0] = False  # no women: no child rate can carry the 0-4 inflow
    np.testing.assert_allclose(moved[cells], end[cells], rtol=1e-7, atol=1e-6)


@settings(max_examples=40, deadline=None)
@given(populations(), populations(), populations(), st.floats(0.5, 3.0), st.sampled_from([1, 5]))
def test_projection_balances_and_stays_non_negative(p0, p1, p2, cap, span) -> None:
    change = estimate_cohort_change([p0, p1, p2], span, cap=cap)
    assert (change.ratio <= cap + 1e-12).all() and (change.arrivals >= 0).all()
    projection = project_cohort_change(Population(p2, REGIONS, 2020, "foreign"), change, 4,
                                       ("a", "b"))
    assert (projection.population >= 0).all()
    # Rounding scales with the largest projected cell (ratios up to 3 grow it 81-fold).
    largest = max(1.0, projection.population.max())
    assert np.abs(projection.balance_residual()).max() <= 1e-9 * largest
    assert projection.years == (2020, 2025, 2030, 2035, 2040)


def test_small_cohorts_take_the_ratio_of_every_region() -> None:
    big = np.full((1, 2, N_AGES), 1000.0)
    small = np.full((1, 2, N_AGES), 2.0)
    start = np.concatenate([big, small])
    end = start.copy()
    end[0] *= 0.5  # the big region halves
    end[1, :, 5] = 0.0  # two people leave the small one: alone it would say "all leave"
    change = estimate_cohort_change([start, end], 5, small_cohort=5.0)
    pooled = (end[0, 0, 5] + end[1, 0, 5]) / (start[0, 0, 4] + start[1, 0, 4])
    assert change.ratio[1, 0, 5] == pytest.approx(pooled)
    assert change.ratio[0, 0, 5] == pytest.approx(0.5)


def test_missing_cells_are_left_out_of_the_sums() -> None:
    """A table ending in 80+ (2013-2014) says nothing about 85-89 and 90+: those groups are
    estimated from the other periods only."""
    p = [np.full((1, 2, N_AGES), 100.0) for _ in range(3)]
    p[0] = p[0].copy()
    p[0][..., 16:] = np.nan
    p[2] = p[2].copy()
    p[2][..., 17] = 50.0  # 85-89 halves in the last period only
    change = estimate_cohort_change(p, 1)
    assert np.isfinite(change.ratio).all()
    assert change.ratio[0, 0, 17] == pytest.approx(50.0 / 100.0)  # the last period alone


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="2時点"):
        estimate_cohort_change([np.zeros((1, 2, N_AGES))])
    with pytest.raises(ValueError, match="期間"):
        aged(np.zeros((1, 2, N_AGES)), 7)
    change = estimate_cohort_change([np.ones((1, 2, N_AGES))] * 2, 2)
    with pytest.raises(ValueError, match="割り切れ"):
        project_cohort_change(Population(np.ones((1, 2, N_AGES)), ("00001",), 2020), change, 1)
