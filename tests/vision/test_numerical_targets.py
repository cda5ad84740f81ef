"""Numerical targets from the chosen scenario: 5-year sums of the engine's own components."""

from __future__ import annotations

import numpy as np
import pytest

from sousei.demography.scenarios import BASELINE, MigrationDelta, Scenario, TfrPath
from sousei.vision.numerical_targets import component_sums, numerical_targets
from sousei.vision.run import ProjectionRequest, run_projection

YOUNG = Scenario("若者定着", tfr=TfrPath(((2060, 0.1),)),
                 migration=(MigrationDelta(15, 34, 0.01),))


@pytest.fixture(scope="module")
def run():
    request = ProjectionRequest(("40203", "40207"), 2015, 2035, (BASELINE, YOUNG))
    return run_projection(request)[1]


def test_sums_close_the_population_balance_of_each_period(run) -> None:
    sums = component_sums(run)
    totals = run.total.population.sum(axis=(2, 3, 4))  # (scenario, year)
    deaths = run.total.deaths.sum(axis=(2, 3, 4))
    change = np.diff(totals, axis=1)
    assert np.allclose(sums.births - deaths + sums.net_migration, change, atol=1e-6)
    assert sums.periods == ((2015, 2020), (2020, 2025), (2025, 2030), (2030, 2035))


def test_one_region_is_its_own_share_of_the_sum(run) -> None:
    both, kurume, okawa = component_sums(run), component_sums(run, [0]), component_sums(run, [1])
    assert np.allclose(kurume.births + okawa.births, both.births)
    assert np.allclose(kurume.net_migration + okawa.net_migration, both.net_migration)


def test_the_chosen_scenario_against_the_baseline_is_worded_as_plans_do(run) -> None:
    sums = component_sums(run)
    targets = {t.indicator: t for t in numerical_targets(sums, 1, 0, (2020, 2025))}
    migration = targets["net_migration"]
    assert migration.difference > 0  # one point better for ages 15-34
    wording = migration.wording("推計値")
    assert wording.startswith("推計値よりも") and wording.endswith(("抑制", "増加"))
    assert f"{abs(migration.difference):,.0f}人" in wording
    assert targets["tfr"].chosen > targets["tfr"].reference
    frame = sums.frame()
    assert frame.loc[("若者定着", "出生数(5年間)"), "2020～2025"] == targets["births"].chosen


def test_a_period_outside_the_run_is_refused(run) -> None:
    with pytest.raises(ValueError, match="期間 2021～2026"):
        numerical_targets(component_sums(run), 1, 0, (2021, 2026))
