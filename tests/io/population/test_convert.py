"""Long layout <-> Population, on the shipped census and national tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sousei.demography.population import Population
from sousei.io.errors import InputError
from sousei.io.population.convert import frame_to_population, population_to_frame
from sousei.io.reference import shipped
from sousei.testing import assert_population_frames_equal


@pytest.fixture(scope="module")
def census() -> pd.DataFrame:
    return shipped.census_municipal().population


def test_census_2015_population(census: pd.DataFrame) -> None:
    population = frame_to_population(census, 2015)
    assert population.values.shape == (1_741, 2, 19)
    assert list(population.regions) == sorted(population.regions)
    kurume = population.select(["40203"])
    assert kurume.names == ("久留米市",)
    assert kurume.total()[0] == 304_552 - 7_765  # census total minus 年齢不詳
    assert kurume.values[0, 0, 0] == 7_106  # male 0-4
    assert population.name_of("40305") == "那珂川町"  # a 2015 code keeps its 2015 name


def test_round_trip_through_population(census: pd.DataFrame) -> None:
    frame = census[census.year == 2010]
    assert_population_frames_equal(population_to_frame(frame_to_population(frame, 2010)), frame)


def test_national_100_plus_folds_into_90_plus() -> None:
    national = shipped.census_national()
    population = frame_to_population(national, 2020)
    rows = national[(national.year == 2020) & (national.sex == "F")]
    # 90-94 + 95-99 + 100+ of the source, summed by hand from the three rows.
    expected = rows[rows.age_start >= 90].value.sum()
    assert population.values[0, 1, 18] == expected
    assert population.values.sum() == 123_214_261
    assert population.names == ("全国",)


def test_single_years_aggregate_to_the_grid() -> None:
    ages = np.arange(101)
    frame = pd.DataFrame(
        {
            "area_code": "40203",
            "nationality": "japanese",
            "sex": np.repeat(["M", "F"], 101),
            "age_start": np.tile(ages, 2),
            "age_span": pd.array(np.tile([1] * 100 + [None], 2), dtype="Int64"),
            "year": 2020,
            "value": np.tile(ages.astype(float), 2),
        }
    )
    population = frame_to_population(frame, 2020, "japanese")
    assert population.nationality == "japanese"
    assert population.values[0, 0, 0] == 0 + 1 + 2 + 3 + 4
    assert population.values[0, 1, 17] == 85 + 86 + 87 + 88 + 89
    assert population.values[0, 1, 18] == sum(range(90, 101))


def test_refusals(census: pd.DataFrame) -> None:
    with pytest.raises(InputError, match="2016年"):
        frame_to_population(census, 2016)
    with pytest.raises(InputError, match="japanese"):
        frame_to_population(census, 2015, "japanese")
    one_sex = census[(census.year == 2015) & (census.sex == "M")]
    with pytest.raises(InputError, match="男女の一方"):
        frame_to_population(one_sex, 2015)
    holed = census[(census.year == 2015) & (census.age_start != 85)]
    with pytest.raises(InputError, match="85～89歳"):
        frame_to_population(holed, 2015)


@settings(deadline=None)
@given(st.lists(st.integers(0, 10**6), min_size=2 * 2 * 19, max_size=2 * 2 * 19))
def test_population_frame_population_is_identity(counts: list[int]) -> None:
    values = np.array(counts, dtype=float).reshape(2, 2, 19)
    population = Population(values, ("40203", "40231"), 2020, "foreign")
    back = frame_to_population(population_to_frame(population), 2020, "foreign")
    np.testing.assert_array_equal(back.values, values)
    assert back.regions == ("40203", "40231") and back.names == ("久留米市", "那珂川市")
