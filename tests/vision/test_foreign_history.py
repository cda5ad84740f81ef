"""Foreign residents on real data: the shipped 住基 外国人住民 tables of 大泉町, 美濃加茂市 and
新宿区 (many foreign residents), their cohort change, and the 2016 -> 2021 hindcast."""

from __future__ import annotations

import numpy as np
import pytest

from sousei.demography.ages import MALE
from sousei.demography.cohort_change import project_cohort_change
from sousei.io.population.juki_soumu import read_juki_ages
from sousei.io.reference import shipped
from sousei.vision.foreign_history import (
    _select,
    foreign_change,
    foreign_inputs,
    foreign_table,
    history_years,
    table_name,
)

AREAS = ("10524", "21211", "13104")  # 大泉町, 美濃加茂市, 新宿区


def _published(year: int) -> np.ndarray:
    totals = read_juki_ages(shipped.juki_file(table_name(year))).published_totals
    t = totals[totals["sex"] == "T"].set_index("area_code")["value"]
    return t.loc[list(AREAS)].to_numpy(float)


@pytest.mark.parametrize("year", [2016, 2021])
def test_tables_hold_the_published_totals(year) -> None:
    values = _select(year, AREAS)
    np.testing.assert_allclose(values.sum(axis=(-2, -1)), _published(year), atol=0.5)
    assert foreign_table(year)[1][foreign_table(year)[0].index("10524")] == "大泉町"


def test_published_figures_of_the_three() -> None:
    # 外国人住民 on 1 January 2021 as printed in 2112gsnen.xlsx
    np.testing.assert_allclose(_published(2021), [7_860, 5_266, 37_827])


def test_2014_ends_at_80_and_the_merged_town_is_summed() -> None:
    values = _select(2014, AREAS)
    assert np.isnan(values[..., 16:]).all() and np.isfinite(values[..., :16]).all()
    codes, _, _ = foreign_table(2015)
    assert "09367" not in codes  # 岩舟町, inside 栃木市 (09203) since April 2014
    assert "09367" not in foreign_table(2014)[0]


def test_history_years_use_only_tables_up_to_the_base() -> None:
    assert history_years(2016) == [2014, 2015, 2016]
    assert history_years(2021) == [2016, 2017, 2018, 2019, 2020, 2021]


def test_change_of_the_three_is_bounded_and_books_arrivals_at_young_ages() -> None:
    change = foreign_change(AREAS, 2021)
    assert (change.ratio <= 1.0).all() and (change.arrivals >= 0).all()
    young = change.arrivals[..., 4:7].sum(axis=(-2, -1))  # 20-34
    assert (young > 0.5 * change.arrivals.sum(axis=(-2, -1))).all()
    assert change.arrivals[0, MALE, 4] > 0  # 大泉町: men arriving at 20-24


def test_projection_from_2021_keeps_arrivals_and_balances() -> None:
    inputs = foreign_inputs(AREAS, 2021)
    projection = project_cohort_change(inputs.base, inputs.change, 8)
    totals = projection.population[0].sum(axis=(-2, -1))
    np.testing.assert_allclose(totals[0], _published(2021), atol=0.5)
    assert (projection.population >= 0).all()
    assert np.abs(projection.balance_residual()).max() < 1e-6
    # Arrivals keep the 20-29 group filled: it does not die out as pure ratios would make it.
    young = projection.population[0, :, :, :, 4:6].sum(axis=(-2, -1))
    assert (young[-1] > 0.5 * young[0]).all()


@pytest.mark.slow
def test_hindcast_beats_the_constant_forecast_in_every_size_class() -> None:
    from sousei.vision.foreign_hindcast import foreign_hindcast, summary

    result = foreign_hindcast(2016, 2021)
    assert len(result.frame) > 1_700
    table = summary(result)
    assert (table["cohort_median"] < table["constant_median"]).all()
