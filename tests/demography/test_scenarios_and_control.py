"""Scenario paths as domain.md states them, and scaling to control totals."""

from __future__ import annotations

import numpy as np
import pytest

from sousei.demography.ages import AGE_STARTS
from sousei.demography.cohort_component import ControlTotals, project_cohort_component
from sousei.demography.scenarios import (
    BASELINE,
    MigrationDelta,
    Scenario,
    TfrPath,
    foreign_share_paths,
    migration_arrays,
    tfr_paths,
)
from sousei.vision.run import ProjectionRequest, census_inputs


def test_tfr_plus_0_1_by_2060_is_linear_from_the_base_year() -> None:
    years = np.array([2015, 2030, 2060, 2070])
    path = tfr_paths((Scenario("x", tfr=TfrPath(((2060, 0.1),))),), np.array([1.5]), 2015, years)
    np.testing.assert_allclose(path[0, :, 0], [1.5, 1.5 + 0.1 * 15 / 45, 1.6, 1.6])


def test_absolute_tfr_points_start_from_each_regions_base() -> None:
    years = np.array([2015, 2020, 2030, 2040, 2050])
    scenario = Scenario("x", tfr=TfrPath(((2030, 1.6), (2040, 1.8)), relative=False))
    path = tfr_paths((scenario,), np.array([1.2, 1.5]), 2015, years)
    np.testing.assert_allclose(path[0, :, 0], [1.2, 1.2 + 0.4 / 3, 1.6, 1.8, 1.8])
    np.testing.assert_allclose(path[0, :, 1], [1.5, 1.5 + 0.1 / 3, 1.6, 1.8, 1.8])


def test_migration_delta_touches_only_its_ages_and_sex() -> None:
    scenario = Scenario("x", migration=(MigrationDelta(10, 29, 0.005, sex="F", start_year=2020),))
    multiplier, delta = migration_arrays((BASELINE, scenario), 2015, 3)
    assert np.all(multiplier == 1.0)
    assert np.all(delta[0] == 0.0)
    ages = np.array(AGE_STARTS)
    young = (ages >= 10) & (ages <= 25)
    assert np.all(delta[1, 0] == 0.0)  # the 2015-20 period starts before 2020
    assert np.all(delta[1, 1:, 0, 1, young] == 0.005)
    assert np.all(delta[1, 1:, 0, 1, ~young] == 0.0)
    assert np.all(delta[1, :, 0, 0] == 0.0)  # men unchanged


def test_converging_and_zero_migration_variants() -> None:
    converging = Scenario(
        "half", migration_variant="converging", convergence_fraction=0.5, convergence_year=2025
    )
    zero = Scenario("zero", migration_variant="zero")
    multiplier, _ = migration_arrays((converging, zero), 2015, 4)
    np.testing.assert_allclose(multiplier[0, :, 0, 0, 0], [1.0, 0.75, 0.5, 0.5])
    assert np.all(multiplier[1] == 0.0)


def test_foreign_share_path_reaches_its_target() -> None:
    scenario = Scenario("x", foreign_share=(2070, 0.108))
    years = np.arange(2020, 2075, 5)
    path = foreign_share_paths((BASELINE, scenario), np.array([0.02]), 2020, years)
    assert np.all(np.isnan(path[0]))
    assert path[1, 0, 0] == pytest.approx(0.02)
    assert path[1, -1, 0] == pytest.approx(0.108)


def test_municipalities_scaled_to_control_totals_sum_to_them_and_balance() -> None:
    regions = ("40203", "40227", "40204", "40205")  # 久留米, 嘉麻, 直方, 飯塚 (one group)
    base, assumptions = census_inputs(ProjectionRequest(regions, 2015, 2045))
    free = project_cohort_component(base, assumptions, 6, components=True)
    totals = free.population[:, 1:].sum(axis=2, keepdims=True) * 0.97  # a prefecture 3% lower
    control = ControlTotals(groups=np.zeros(len(regions), dtype=int), totals=totals)
    scaled = project_cohort_component(base, assumptions, 6, control=control, components=True)
    np.testing.assert_allclose(
        scaled.population[:, 1:].sum(axis=2, keepdims=True), totals, rtol=1e-12
    )
    assert np.abs(scaled.balance_residual()).max() < 1e-6
    # The scaling shows as migration, so deaths of the first step are unchanged.
    np.testing.assert_allclose(scaled.deaths[:, 0, ..., 1:], free.deaths[:, 0, ..., 1:], rtol=1e-12)
