"""The solver and the date rule, on functions whose answer is known in closed form."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sousei.demography.target_seeking import (
    TargetUnreachableError,
    interpolate_at_date,
    solve_monotone,
)

DATES = [dt.date(2020, 10, 1), dt.date(2025, 10, 1), dt.date(2030, 10, 1)]


def test_a_date_on_a_point_is_that_point() -> None:
    totals = np.array([[100.0, 90.0, 81.0]])
    assert interpolate_at_date(DATES, totals, dt.date(2025, 10, 1)).tolist() == [90.0]


def test_between_points_growth_is_constant_within_the_period() -> None:
    totals = np.array([100.0, 81.0, 50.0])
    middle = DATES[0] + (DATES[1] - DATES[0]) / 2
    assert interpolate_at_date(DATES, totals, middle) == pytest.approx(90.0, rel=1e-3)


def test_a_date_outside_the_projection_is_refused() -> None:
    with pytest.raises(ValueError, match="推計期間"):
        interpolate_at_date(DATES, np.array([1.0, 2.0, 3.0]), dt.date(2031, 3, 31))


def _cubic(values: np.ndarray) -> np.ndarray:
    return 200_000 + 40_000 * values + 3_000 * values**3  # increasing, curved


@settings(max_examples=60, deadline=None)
@given(st.floats(min_value=160_000, max_value=300_000))
def test_the_solution_reaches_the_target_within_half_a_person(target: float) -> None:
    solution = solve_monotone(_cubic, target, -1.0, 3.0)
    assert abs(_cubic(np.array([solution.value]))[0] - target) <= 0.5
    assert abs(solution.achieved - target) <= 0.5


@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=160_000, max_value=290_000), st.floats(min_value=1, max_value=10_000))
def test_a_higher_target_needs_a_larger_change(target: float, more: float) -> None:
    assert (
        solve_monotone(_cubic, target + more, -1.0, 3.0).value
        > solve_monotone(_cubic, target, -1.0, 3.0).value
    )


def test_a_target_beyond_the_bounds_names_the_reachable_range() -> None:
    with pytest.raises(TargetUnreachableError, match="157,000～401,000人"):
        solve_monotone(_cubic, 500_000, -1.0, 3.0)
