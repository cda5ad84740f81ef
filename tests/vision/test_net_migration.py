"""Net migration by sex and cohort from the shipped census (国勢調査 residual method).

One cohort of 久留米市 is checked by hand from the published CSV extract in tests/data, the
accounting identity is checked for all 1,741 municipalities, and the rates are the ones the
projection engine estimates for its base year.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sousei.demography.ages import MALE, N_AGES, OPEN
from sousei.demography.rates import cohort_inflow
from sousei.vision.inputs import CensusHistory, census_history
from sousei.vision.method import CLASSIC
from sousei.vision.mortality import period_survival
from sousei.vision.net_migration import (
    TRANSITIONS,
    census_net_migration,
    net_migration_from_history,
    organisation_net_migration,
)
from sousei.vision.run import ProjectionRequest, census_inputs

DATA = Path(__file__).parents[1] / "data" / "census_kurume_nakagawa.csv"


def _census_cell(code: str, sex: str, age: str, year: int) -> float:
    with DATA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if (row["code"], row["sex"], row["age_group"]) == (code, sex, age):
                return float(row[f"y{year}"])
    raise KeyError((code, sex, age))


def test_kurume_men_20_24_in_2010_by_hand() -> None:
    # 久留米市, men 20-24 in 2010 (8,258) -> 25-29 in 2015 (7,131); 年齢不詳 (2,627 and 4,599
    # men) allocated in proportion to the known ages, as census_history does.
    def allocated(age: str, year: int) -> float:
        known = _census_cell("40203", "M", "total", year) - _census_cell(
            "40203", "M", "unknown", year
        )
        unknown = _census_cell("40203", "M", "unknown", year)
        return _census_cell("40203", "M", age, year) * (1 + unknown / known)

    start = allocated("20-24", 2010)
    survival = period_survival(2010)[0][MALE, 4]  # the ratio the engine uses for 2010-2015
    expected = allocated("25-29", 2015) - start * survival
    result = organisation_net_migration(["40203"])
    period = result.periods.index(2010)
    transition = TRANSITIONS.index("20～24歳→25～29歳")
    assert result.persons[period, 0, MALE, transition] == pytest.approx(expected, abs=1e-6)
    assert result.rates[period, 0, MALE, transition] == pytest.approx(expected / start)
    # A university town: young men leave at 20-24 (about 1,000 net in this period).
    assert -1_100 < expected < -900


def test_sum_over_ages_is_census_change_minus_natural_change_everywhere() -> None:
    result = census_net_migration()
    assert len(result.regions) == 1_741
    assert result.periods == (1980, 1985, 1990, 1995, 2000, 2005, 2010)
    assert result.persons.shape == (7, 1_741, 2, 18)
    history = census_history()
    for k, year in enumerate(result.periods):
        start = history.population[history.years.index(year)]
        end = history.population[history.years.index(year + 5)]
        survival = period_survival(year)[0]
        deaths = (start * (1 - survival)).sum(axis=(-2, -1))
        natural = end[..., 0].sum(axis=-1) - deaths  # survived births - expected deaths
        change = (
            history.observed_total[history.years.index(year + 5)]
            - history.observed_total[history.years.index(year)]
        )
        np.testing.assert_allclose(
            result.persons[k].sum(axis=(-2, -1)), change - natural, atol=1e-6
        )


def test_rates_are_the_classic_methods_base_year_net_migration_rates() -> None:
    # The one-period method carries the latest residual rates unchanged into the engine.
    _, assumptions = census_inputs(ProjectionRequest(("40203",), 2015, method=CLASSIC))
    result = organisation_net_migration(["40203"])
    engine = assumptions.net_migration_rate.reshape(2, N_AGES)
    np.testing.assert_allclose(result.rates[-1, 0], engine[:, :OPEN], atol=1e-12)


def test_partnership_is_the_sum_of_its_municipalities() -> None:
    both = organisation_net_migration(["40203", "40305"])
    apart = census_net_migration(["40203", "40305"])
    assert both.persons.shape == (7, 1, 2, 18)
    np.testing.assert_allclose(both.persons[:, 0], apart.persons.sum(axis=1))
    np.testing.assert_allclose(
        both.rates[:, 0], apart.persons.sum(axis=1) / apart.exposed.sum(axis=1)
    )
    assert both.names == ("久留米市・那珂川市",)


@settings(max_examples=40, deadline=None)
@given(
    start=arrays(float, (2, 2, N_AGES), elements=st.floats(0, 5e4)),
    births=arrays(float, (2, 2), elements=st.floats(0, 5e3)),
)
def test_a_census_that_is_exactly_the_survived_population_has_zero_residual(
    start: np.ndarray, births: np.ndarray
) -> None:
    survival = period_survival(2010)[0]
    end = cohort_inflow(start * survival)
    end[..., 0] = births  # newborns are never migrants in the residual method
    history = CensusHistory(
        years=(2010, 2015),
        regions=("a", "b"),
        names=("a", "b"),
        population=np.stack([start, end]),
        observed_total=np.stack([start.sum(axis=(-2, -1)), end.sum(axis=(-2, -1))]),
    )
    result = net_migration_from_history(history)
    np.testing.assert_allclose(result.persons, 0.0, atol=1e-6)
    np.testing.assert_allclose(
        result.natural_change[0], result.census_change[0], rtol=1e-9, atol=1e-6
    )
