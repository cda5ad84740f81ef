"""Units of a migration change are in the key: per year (as plans say) or per 5-year period."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sousei.io.errors import InputError
from sousei.io.scenario import ScenarioNote, read_scenario, scenario_from_mapping

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _delta(entry: dict) -> float:
    mapping = {"name": "s", "migration": [{"ages": "10-29", **entry}]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ScenarioNote)
        (change,) = scenario_from_mapping(mapping).migration
    return change.delta


def test_the_plans_half_a_point_a_year_is_two_and_a_half_points_a_period() -> None:
    assert _delta({"change_points_per_year": 0.5}) == pytest.approx(0.025)
    assert _delta({"change_points_per_period": 0.5}) == pytest.approx(0.005)
    assert _delta({"change": 0.005}) == pytest.approx(0.005)


def test_the_old_key_is_read_per_period_with_a_note() -> None:
    with pytest.warns(ScenarioNote, match="change_points_per_year"):
        (change,) = scenario_from_mapping(
            {"name": "s", "migration": [{"ages": "10-29", "change_points": 0.5}]}).migration
    assert change.delta == pytest.approx(0.005)


def test_two_units_at_once_are_refused_naming_the_entry() -> None:
    with pytest.raises(InputError, match="どれか1つ") as error:
        _delta({"change_points_per_year": 0.5, "change_points_per_period": 2.5})
    assert error.value.column == "migration[0]"


def test_the_example_reproduces_the_demo_seed() -> None:
    from sousei.web.vision.demo import DEMO_SCENARIOS

    seed = next(s for s in DEMO_SCENARIOS if s["name"] == "若者定着")
    example = read_scenario(EXAMPLES / "若者定着.toml")
    assert example.migration == scenario_from_mapping(seed).migration
    assert example.migration[0].delta == pytest.approx(0.025)


@given(st.floats(min_value=-5, max_value=5, allow_nan=False))
def test_per_year_is_five_times_per_period(points: float) -> None:
    assert _delta({"change_points_per_year": points}) == pytest.approx(
        _delta({"change_points_per_period": 5 * points}))
