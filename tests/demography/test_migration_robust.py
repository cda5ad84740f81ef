"""Invariants of the robust, converging net migration rates (hypothesis) and the Lee-Carter trend."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sousei.demography.migration_robust import (
    LOWER,
    UPPER,
    converging_rates,
    period_weights,
    robust_rate,
)
from sousei.demography.mortality_trend import projected_death_rates

SHAPE = (3, 4, 2, 19)  # period, region, sex, age
exposed_arrays = arrays(float, SHAPE, elements=st.floats(0, 5_000))
share_arrays = arrays(float, SHAPE, elements=st.floats(-1.0, 3.0))


@settings(max_examples=60, deadline=None)
@given(exposed_arrays, share_arrays)
def test_weights_sum_to_one_and_rates_stay_within_limits(exposed, share) -> None:
    migrants = exposed * share
    weights = period_weights(migrants, exposed)
    populated = exposed.sum(axis=(-2, -1)).max(axis=0) > 0
    np.testing.assert_allclose(weights.sum(axis=0)[populated], 1.0)
    assert np.all(weights >= 0)
    rate = robust_rate(migrants, exposed, prior=np.zeros(1))
    assert rate.shape == SHAPE[1:]
    assert np.all(np.isfinite(rate)) and rate.min() >= LOWER and rate.max() <= UPPER


def test_an_outlier_period_counts_less_than_its_recency_weight() -> None:
    exposed = np.full(SHAPE, 1_000.0)
    migrants = np.stack([exposed[0] * -0.35, exposed[1] * -0.02, exposed[2] * -0.03])
    weights = period_weights(migrants, exposed)
    assert np.all(weights[0] < 0.3)  # recency alone would give the tsunami period 0.8
    rate = robust_rate(migrants, exposed, prior=np.zeros(1))
    assert np.all(rate > -0.1)


def test_a_tiny_cohort_is_shrunk_to_its_prefecture() -> None:
    exposed = np.full(SHAPE, 2.0)
    migrants = exposed * 1.5  # three newcomers on two people
    prior = np.full(SHAPE[1:], -0.05)
    rate = robust_rate(migrants, exposed, prior)
    assert np.all(rate < 0.2)


@settings(max_examples=60, deadline=None)
@given(arrays(float, (5,), elements=st.floats(-0.5, 1.0)),
       arrays(float, (5,), elements=st.floats(-0.2, 0.2)),
       st.integers(1, 12), st.floats(0.5, 10))
def test_rates_converge_monotonically_to_the_long_run_level(rate, long_run, steps, half_life):
    path = converging_rates(rate, long_run, steps, half_life)
    assert path.shape == (steps, 5)
    np.testing.assert_allclose(path[0], rate, atol=1e-12)
    gap = np.abs(path - long_run)
    assert np.all(np.diff(gap, axis=0) <= 1e-12)
    held = converging_rates(rate, long_run, steps, float("inf"))
    np.testing.assert_allclose(held, np.broadcast_to(rate, held.shape), atol=1e-12)


def test_lee_carter_continues_an_exact_log_linear_decline() -> None:
    years = np.arange(1990, 2011)
    ages = np.arange(111)
    slope = -0.01 - 0.0002 * ages  # faster decline at old ages
    log_mx = -9 + 0.09 * ages + slope * (years[:, None] - 1990)
    mx = np.exp(np.stack([log_mx, log_mx - 0.3], axis=1))  # (year, sex, age)
    future = projected_death_rates(years, mx, np.array([2020, 2030]))
    expected = -9 + 0.09 * ages + slope * np.array([30, 40])[:, None]
    np.testing.assert_allclose(np.log(future[:, 0]), expected, atol=1e-9)
    np.testing.assert_allclose(np.log(future[:, 1]), expected - 0.3, atol=1e-9)
    np.testing.assert_allclose(projected_death_rates(years, mx, np.array([2000]))[0], mx[10])


@pytest.mark.parametrize("bad", [np.nan, -1.0])
def test_lee_carter_floors_missing_or_negative_rates(bad: float) -> None:
    years = np.arange(2000, 2011)
    mx = np.full((11, 2, 111), 0.01)
    mx[:, :, 110] = bad
    future = projected_death_rates(years, np.nan_to_num(mx, nan=0.0), np.array([2015]))
    assert np.all(np.isfinite(future)) and np.all(future > 0)
