"""Walk every URL pattern as every role of another organisation: each answers 404 or 403.

Every named route must appear in ROUTES (a new view without an entry here fails the test), so
no page escapes the check. Arguments point at the partnership's objects; the personas are the
five users of 嘉麻市, who own a strategy of their own.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sousei.web.strategies.models import Comment, EvaluationSnapshot
from sousei.web.vision.models import SavedScenario

PUBLIC = {"accounts:login", "accounts:logout", "opendata:index", "opendata:evaluation",
          "opendata:projection"}  # open data: published material only, tested on its own


def _names(patterns: list, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for p in patterns:
        if isinstance(p, URLResolver):
            names |= _names(p.url_patterns, f"{prefix}{p.namespace}:" if p.namespace else prefix)
        elif isinstance(p, URLPattern) and p.name:
            names.add(prefix + p.name)
    return names


def _routes(home, snapshot, scenario) -> dict[str, list]:
    org = home.organisation.pk
    return {
        "strategies:home": [],
        "strategies:tree": [home.strategy.pk],
        "strategies:evaluation": [home.strategy.pk],
        "strategies:publish": [home.strategy.pk],
        "strategies:snapshot": [snapshot.pk],
        "strategies:workbook": [home.strategy.pk],
        "strategies:download_progress": [home.strategy.pk],
        "strategies:download_template": [home.strategy.pk],
        "strategies:report": [home.strategy.pk, "xlsx"],
        "strategies:goal": [home.goal.pk],
        "strategies:goal_comment": [home.goal.pk],
        "strategies:project": [home.project.pk],
        "strategies:kpi": [home.kpi.pk],
        "strategies:kpi_edit": [home.kpi.pk],
        "strategies:kpi_comment": [home.kpi.pk],
        "strategies:actual_entry": [home.kpi.pk, 2022],
        "strategies:strategy_import": [org],
        "strategies:strategy_import_confirm": [org],
        "strategies:strategy_export": [home.strategy.pk],
        "strategies:compare": [org],
        "strategies:rollup": [org],
        "accounts:organisation_new": [],
        "strategies:measure": [home.project.measure.pk],
        "strategies:measure_comment": [home.project.measure.pk],
        "strategies:add_project": [home.project.measure.pk],
        "strategies:project_comment": [home.project.pk],
        "strategies:project_edit": [home.project.pk],
        "strategies:budget_entry": [home.project.pk, 2022],
        "strategies:role_edit": [home.project.pk],
        "strategies:add_kpi": [home.project.pk],
        "strategies:rename": ["measure", home.project.measure.pk],
        "strategies:comment_reply": [1],
        "strategies:kpi_review": [home.kpi.pk],
        "strategies:committee": [home.strategy.pk],
        "strategies:committee_add": [home.strategy.pk],
        "strategies:next_steps": [home.strategy.pk],
        "audit:object": ["strategies.kpi", home.kpi.pk],
        "vision:state": [org],
        "vision:data": [org],
        "vision:projection": [org],
        "vision:compare": [org],
        "vision:accuracy": [org],
        "opendata:publish": [org],
        "logic:page": [home.strategy.pk],
        "vision:choose": [org],
        "vision:juki_base": [org],
        "vision:report": [org, "xlsx"],
        "vision:new_scenario": [org],
        "vision:preview": [org],
        "vision:edit_scenario": [scenario.pk],
        "vision:scenario_toml": [scenario.pk],
    }


def test_every_route_is_listed(world) -> None:
    home = world["home"]
    snapshot = EvaluationSnapshot(pk=1)
    listed = set(_routes(home, snapshot, SavedScenario(pk=1))) | PUBLIC
    # The JSON API's routes are walked by tests/web/test_api*.py (tokens, outsiders, schemathesis).
    pages = {name for name in _names(get_resolver().url_patterns) if not name.startswith("api:")}
    assert pages == listed


@pytest.mark.parametrize("role", ["admin", "planning", "department", "committee", "viewer"])
def test_outsider_roles_get_404_or_403_everywhere(world, client, role: str) -> None:
    home, outsider = world["home"], world["outsider"]
    snapshot = EvaluationSnapshot.objects.create(
        strategy_ref=home.strategy, fiscal_year=2022, scheme="standard",
        published_by=home.users["planning"], data={"goals": [], "total": {}},
    )
    scenario = SavedScenario.objects.create(
        organisation=home.organisation, name="出生率向上",
        mapping={"name": "出生率向上", "tfr": {"change": 0.1, "by": 2060}})
    client.force_login(outsider.users[role])
    payload = {"state": "number", "value": "1", "note": "", "version": 1, "body": "x", "fy": 2022}
    for name, args in _routes(home, snapshot, scenario).items():
        url = reverse(name, args=args)
        if name == "strategies:home":
            body = client.get(url).content.decode()
            assert "久留米" not in body, f"{role}: {url}"
            continue
        status = client.get(url).status_code
        # 405 only tells that a POST-only route exists, which every deployment shares.
        assert status in (403, 404, 405), f"{role} GET {url}: {status}"
        status = client.post(url, payload).status_code
        assert status in (403, 404), f"{role} POST {url}: {status}"
    assert home.kpi.actuals.get(fiscal_year=2022).version == 1  # nothing changed
    assert EvaluationSnapshot.objects.count() == 1
    assert not Comment.objects.exists()
    assert SavedScenario.objects.get().version == 1
