"""The strategy's 数値目標 follow the chosen 将来展望: stored values are the engine's own sums."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import pytest
from django.urls import reverse

from sousei.demography.scenarios import BASELINE
from sousei.io.scenario import scenario_from_mapping
from sousei.vision.run import ProjectionRequest, run_projection
from sousei.web.audit.models import Event
from sousei.web.strategies.models import BasicGoal, NumericalTarget
from sousei.web.vision.compute import CENSUS_BASE_YEAR
from sousei.web.vision.data import TO_YEAR, census_codes
from sousei.web.vision.models import SavedScenario
from sousei.web.vision.numerical_sync import NAMES, plan_period

TFR_UP = {"name": "出生率向上", "tfr": {"change": 0.3, "by": 2040}}
STAY = {"name": "若者定着", "migration": [{"ages": "15-34", "change_points_per_period": 2}]}


def _engine(organisation, mapping):
    """The engine called directly: (BASELINE, scenario) from the 2015 census to 2060."""
    request = ProjectionRequest(census_codes(organisation), CENSUS_BASE_YEAR, TO_YEAR,
                                (BASELINE, scenario_from_mapping(mapping)))
    return run_projection(request)[1]


def _stored() -> dict[str, NumericalTarget]:
    return {nt.indicator: nt for nt in NumericalTarget.objects.filter(indicator__in=NAMES.values())}


def _choose(client, organisation, scenario, version: int) -> None:
    url = reverse("vision:choose", args=[organisation.pk])
    response = client.post(url, {"scenario": scenario.pk if scenario else "", "version": version})
    assert response.status_code == 302


def test_chosen_scenario_writes_engine_sums_and_keeps_them_in_step(world, login) -> None:
    home = world["home"]
    people = BasicGoal.objects.create(strategy_ref=home.strategy, number=2,
                                      name="移住・定住を促進する")
    up = SavedScenario.objects.create(organisation=home.organisation, name="出生率向上",
                                      mapping=TFR_UP)
    client = login(home.users["planning"])
    _choose(client, home.organisation, up, 0)
    run = _engine(home.organisation, TFR_UP)
    years = list(run.total.years)
    assert plan_period(tuple(pairwise(years)), 2022, 2026) == (2020, 2025)
    p = years.index(2020)
    stored = _stored()
    births = stored[NAMES["births"]]
    assert births.goal == home.goal  # no goal about children: the first goal
    assert births.target == Decimal(round(float(run.total.births[1, p].sum())))
    assert births.ipss_estimate == Decimal(round(float(run.total.births[0, p].sum())))
    migration = stored[NAMES["net_migration"]]
    assert migration.goal == people
    assert migration.target == Decimal(round(float(run.total.net_migration[1, p].sum())))
    assert migration.ipss_estimate == Decimal(round(float(run.total.net_migration[0, p].sum())))
    tfr = stored[NAMES["tfr"]]
    assert float(tfr.target) == pytest.approx(float(run.tfr[1, p + 1].mean()), abs=0.005)
    assert tfr.target > tfr.ipss_estimate
    assert births.period == "2020～2025年" and "出生率向上" in births.note
    difference = round(float(run.total.births[1, p].sum() - run.total.births[0, p].sum()))
    assert f"推計値よりも出生数を{difference:,}人増加" in births.note

    # another scenario chosen: the same rows rewritten, audited
    stay = SavedScenario.objects.create(organisation=home.organisation, name="若者定着",
                                        mapping=STAY)
    _choose(client, home.organisation, stay, 1)
    run = _engine(home.organisation, STAY)
    again = _stored()
    assert {nt.pk for nt in again.values()} == {nt.pk for nt in stored.values()}
    migration = again[NAMES["net_migration"]]
    assert migration.target == Decimal(round(float(run.total.net_migration[1, p].sum())))
    assert migration.target > migration.ipss_estimate and migration.version == 2
    assert Event.objects.filter(action="numerical_target.scenario").count() == 6

    # no scenario: the derived rows go, a planner's own stay
    own = NumericalTarget.objects.create(goal=home.goal, number=9, indicator="転入者数")
    _choose(client, home.organisation, None, 2)
    assert _stored() == {} and NumericalTarget.objects.filter(pk=own.pk).exists()


def test_new_population_data_rewrites_the_targets(world, login) -> None:
    home = world["home"]
    up = SavedScenario.objects.create(organisation=home.organisation, name="出生率向上",
                                      mapping=TFR_UP)
    client = login(home.users["planning"])
    _choose(client, home.organisation, up, 0)
    assert _stored()[NAMES["births"]].period == "2020～2025年"
    # 住基 of 1 January 2021 as the base: the projection's periods move to 2021 -> 2026 ...
    client.post(reverse("vision:juki_base", args=[home.organisation.pk]))
    births = _stored()[NAMES["births"]]
    assert births.period == "2021～2026年" and births.version == 2
