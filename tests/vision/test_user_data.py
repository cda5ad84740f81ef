"""Projections from a user's own long-layout table, with and without a nationality split.

The split files here are made from the real 2010/2015 census counts of 久留米市 and 嘉麻市,
with a foreign share we set ourselves (the shipped census does not split nationality); they
test the mechanics, not a published figure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sousei.demography.population import Population
from sousei.demography.scenarios import BASELINE, Scenario
from sousei.io.errors import InputError
from sousei.io.population.convert import population_to_frame
from sousei.vision.inputs import census_history
from sousei.vision.run import ProjectionRequest, run_projection
from sousei.vision.user_data import run_user_projection

REGIONS = ("40203", "40227")


def _split_frame(years=(2010, 2015), share=0.015) -> pd.DataFrame:
    history = census_history(REGIONS)
    frames = []
    for year in years:
        total = np.round(history.at(year).values)
        foreign = np.round(total * share)
        for nationality, values in (("japanese", total - foreign), ("foreign", foreign)):
            frames.append(population_to_frame(Population(values, REGIONS, year, nationality)))
    return pd.concat(frames, ignore_index=True)


def test_a_total_table_projects_like_the_census_path() -> None:
    frame = population_to_frame(census_history(REGIONS).at(2015))
    request = ProjectionRequest(REGIONS, 2015, 2045)
    _, from_file = run_user_projection(frame, request)
    _, from_census = run_projection(request)
    np.testing.assert_allclose(from_file.total.population, from_census.total.population, rtol=1e-9)


def test_split_nationality_sums_and_meets_the_foreign_share_target() -> None:
    scenarios = (BASELINE, Scenario("外国人10.8%", foreign_share=(2070, 0.108)))
    base, run = run_user_projection(_split_frame(), ProjectionRequest((), 2015, 2070, scenarios))
    assert run.foreign is not None
    np.testing.assert_allclose(
        run.total.population, run.japanese.population + run.foreign.population
    )
    foreign = run.foreign.population.sum(axis=(-2, -1))
    total = run.total.population.sum(axis=(-2, -1))
    np.testing.assert_allclose(foreign[1, -1] / total[1, -1], 0.108, rtol=1e-9)
    # Japanese residents do not depend on the foreign-share target.
    assert np.array_equal(run.japanese.population[0], run.japanese.population[1])
    assert base.total().sum() == pytest.approx(
        census_history(REGIONS).at(2015).values.round().sum()
    )
    assert np.abs(run.total.balance_residual()).max() < 1e-6


def test_foreign_projection_needs_the_year_five_years_earlier() -> None:
    """Before the shipped 住基 foreign tables (2014-2021) the file must hold B-5 itself."""
    with pytest.raises(InputError, match="2005年の外国人人口"):
        run_user_projection(_split_frame(years=(2010,)), ProjectionRequest((), 2010, 2040))


def test_without_b_minus_5_the_shipped_foreign_tables_give_the_change() -> None:
    from sousei.vision.foreign_history import foreign_change
    from sousei.vision.user_data import user_inputs

    inputs = user_inputs(_split_frame(years=(2015,)), ProjectionRequest((), 2015, 2045))
    assert inputs.foreign.change.span == 1
    expected = foreign_change(REGIONS, 2015)
    np.testing.assert_array_equal(inputs.foreign.change.arrivals, expected.arrivals)


def test_a_base_year_missing_from_the_file_is_named() -> None:
    with pytest.raises(InputError, match="基準年 2020"):
        run_user_projection(_split_frame(), ProjectionRequest((), 2020, 2045))


def test_a_share_target_for_the_baseline_leaves_the_japanese_alone() -> None:
    """IPSS 2023's kind of assumption (10.8% foreign in 2070) acts on the baseline too; a
    scenario with its own target keeps it; the Japanese figures are those without any target."""
    from dataclasses import replace

    from sousei.vision.user_data import project_user_inputs, user_inputs

    scenarios = (BASELINE, Scenario("出生率", foreign_share=(2070, 0.05)))
    request = ProjectionRequest((), 2015, 2070, scenarios)
    inputs = user_inputs(_split_frame(), request)
    _, plain = project_user_inputs(inputs, request)
    targeted = replace(inputs, foreign=replace(inputs.foreign, share=(2070, 0.108)))
    _, run = project_user_inputs(targeted, request)
    foreign = run.foreign.population.sum(axis=(-2, -1))
    total = run.total.population.sum(axis=(-2, -1))
    np.testing.assert_allclose(foreign[0, -1] / total[0, -1], 0.108, rtol=1e-9)
    np.testing.assert_allclose(foreign[1, -1] / total[1, -1], 0.05, rtol=1e-9)
    assert np.array_equal(run.japanese.population, plain.japanese.population)
    np.testing.assert_allclose(foreign[:, 0], plain.foreign.population[:, 0].sum(axis=(-2, -1)))
