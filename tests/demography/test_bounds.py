"""The core's value bounds: what is outside the documented ranges is refused with a Japanese
message, whichever door (CLI TOML, web form, API) the value came through."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sousei.demography.ages import N_AGES
from sousei.demography.bounds import (
    LAST_TARGET_YEAR,
    MAX_MIGRATION_CHANGE,
    MAX_PERSONS,
    TFR_CHANGE_RANGE,
    TFR_RANGE,
    YEARS,
)
from sousei.demography.indicators import VitalYear
from sousei.demography.population import Population
from sousei.demography.scenarios import MigrationDelta, Scenario, ScenarioError, TfrPath

years = st.integers(YEARS[0], LAST_TARGET_YEAR)
any_float = st.floats(allow_nan=True, allow_infinity=True)


def _population(value: float) -> Population:
    values = np.full((1, 2, N_AGES), 10.0)
    values[0, 1, 3] = value
    return Population(values, ("40203",), 2020)


@given(any_float)
def test_a_population_cell_is_finite_and_between_zero_and_the_limit(value: float) -> None:
    if math.isfinite(value) and 0 <= value <= MAX_PERSONS:
        assert _population(value).values[0, 1, 3] == value
    else:
        with pytest.raises(ValueError, match="人口"):
            _population(value)


def test_a_region_total_above_the_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="総人口が上限"):
        Population(np.full((1, 2, N_AGES), 9e6), ("00000",), 2020)  # 3.4e8 people


@given(st.integers(-10**45, 10**45))
def test_births_are_whole_persons_up_to_the_limit(births: int) -> None:
    if 0 <= births <= MAX_PERSONS:
        assert VitalYear(2020, births, 1, 1, 1).births == births
    else:
        with pytest.raises(ValueError, match="2020年の出生"):
            VitalYear(2020, births, 1, 1, 1)


@given(years, any_float)
def test_a_tfr_target_lies_in_the_documented_range(year: int, value: float) -> None:
    low, high = TFR_RANGE
    if math.isfinite(value) and low <= value <= high:
        assert TfrPath(((year, value),), relative=False).points == ((year, value),)
    else:
        with pytest.raises(ScenarioError, match="合計特殊出生率") as caught:
            TfrPath(((year, value),), relative=False)
        assert caught.value.key == "tfr.target"


@given(years, any_float)
def test_a_tfr_change_lies_in_the_range_target_seeking_searches(year: int, value: float) -> None:
    if math.isfinite(value) and TFR_CHANGE_RANGE[0] <= value <= TFR_CHANGE_RANGE[1]:
        TfrPath(((year, value),), relative=True)
    else:
        with pytest.raises(ScenarioError) as caught:
            TfrPath(((year, value),), relative=True)
        assert caught.value.key == "tfr.change"


@given(st.integers(-10**6, 10**6))
def test_target_years_run_from_1900_to_2100(year: int) -> None:
    if YEARS[0] <= year <= LAST_TARGET_YEAR:
        TfrPath(((year, 1.8),), relative=False)
    else:
        with pytest.raises(ScenarioError, match="1900～2100年") as caught:
            TfrPath(((year, 1.8),), relative=False)
        assert (caught.value.key, caught.value.part) == ("tfr.by", "year")


@given(any_float)
def test_a_migration_change_is_finite_and_bounded(delta: float) -> None:
    if math.isfinite(delta) and abs(delta) <= MAX_MIGRATION_CHANGE:
        assert MigrationDelta(10, 29, delta).delta == delta
    else:
        with pytest.raises(ScenarioError, match="純移動率の変化"):
            MigrationDelta(10, 29, delta)


@given(st.integers(0, 200), st.integers(0, 200))
def test_migration_ages_sit_on_the_five_year_grid(low: int, high: int) -> None:
    on_grid = low % 5 == 0 and (high + 1) % 5 == 0 and low <= high <= 130
    if on_grid:
        MigrationDelta(low, high, 0.01)
    else:
        with pytest.raises(ScenarioError, match="年齢") as caught:
            MigrationDelta(low, high, 0.01)
        assert caught.value.key == "ages"


@given(any_float, st.integers(1800, 2300))
def test_convergence_fraction_and_year(fraction: float, year: int) -> None:
    ok = math.isfinite(fraction) and 0 <= fraction <= 1 and YEARS[0] <= year <= LAST_TARGET_YEAR
    if ok:
        Scenario("収束", migration_variant="converging", convergence_fraction=fraction,
                 convergence_year=year)
    else:
        with pytest.raises(ScenarioError) as caught:
            Scenario("収束", migration_variant="converging", convergence_fraction=fraction,
                     convergence_year=year)
        assert caught.value.key.startswith("migration_variant.")


@given(any_float)
def test_foreign_share_is_a_fraction_below_one(share: float) -> None:
    if math.isfinite(share) and 0 <= share < 1:
        Scenario("外国人", foreign_share=(2070, share))
    else:
        with pytest.raises(ScenarioError) as caught:
            Scenario("外国人", foreign_share=(2070, share))
        assert caught.value.key == "foreign.share"


@given(st.integers(1990, 2060))
def test_target_years_come_after_the_base_year(base: int) -> None:
    scenario = Scenario("目標", tfr=TfrPath(((2040, 1.8),), relative=False),
                        migration=(MigrationDelta(10, 29, 0.01, start_year=2030),))
    if base <= 2030:  # a start year may be the base year itself; a target may not
        scenario.check_base_year(base)
    else:
        with pytest.raises(ScenarioError, match=f"基準年 {base}年") as caught:
            scenario.check_base_year(base)
        assert caught.value.key == ("tfr.by" if base >= 2040 else "migration[0].from")
