"""The JSON API: reads follow the roles, actuals are entered with a token through the form's
validation and the audit trail, another organisation's token leaves only the refusal."""

from __future__ import annotations

import json
import logging

import pytest
from django.test import Client

from sousei.web.api.models import ApiToken
from sousei.web.audit.models import Event
from sousei.web.strategies.models import Actual


def _bearer(key: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def _post(client: Client, kpi: int, year: int, key: str, **body: object):
    return client.post(f"/api/v1/kpis/{kpi}/actuals/{year}", json.dumps(body),
                       content_type="application/json", **_bearer(key))


def test_the_schema_is_served_and_versioned(client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["version"] == "1"
    assert "/api/v1/kpis/{kpi_id}/actuals/{fiscal_year}" in schema["paths"]


def test_reads_follow_the_roles(world, login) -> None:
    home, outsider = world["home"], world["outsider"]
    planner = login(home.users["planning"])
    names = [s["name"] for s in planner.get("/api/v1/strategies").json()]
    assert names == [home.strategy.name]
    kpi = planner.get(f"/api/v1/kpis/{home.kpi.pk}").json()
    assert kpi["name"] == home.kpi.name and kpi["actuals"]
    assert login(outsider.users["planning"]).get(f"/api/v1/kpis/{home.kpi.pk}").status_code == 404
    # a viewer reads published evaluations only: nothing is published yet
    viewer = login(home.users["viewer"])
    assert viewer.get(f"/api/v1/strategies/{home.strategy.pk}/evaluation").status_code == 404
    assert viewer.get(f"/api/v1/kpis/{home.kpi.pk}").status_code == 404


def test_anonymous_requests_are_refused(world, client) -> None:
    assert client.get("/api/v1/strategies").status_code == 401
    assert client.get("/api/v1/strategies", **_bearer("not-a-token")).status_code == 401


def test_a_department_token_enters_its_own_kpi_audited(world, client) -> None:
    home = world["home"]
    _, key = ApiToken.issue(home.users["department"], "実績値の自動入力")
    response = _post(client, home.kpi.pk, 2024, key, state="number", value="1,234")
    assert response.status_code == 200, response.content
    assert response.json()["value"] == 1234.0
    actual = Actual.objects.get(kpi=home.kpi, fiscal_year=2024)
    events = Event.objects.filter(object_type="strategies.actual", object_id=str(actual.pk))
    assert [e.action for e in events] == ["実績値の入力"]
    assert events[0].actor == home.users["department"]
    # a second write with the old version is refused with the newer value
    stale = _post(client, home.kpi.pk, 2024, key, state="number", value="9", version=0)
    assert stale.status_code == 409 and stale.json()["value"] == 1234.0


def test_a_bad_value_gets_the_forms_japanese_message(world, client) -> None:
    home = world["home"]
    _, key = ApiToken.issue(home.users["department"], "test")
    response = _post(client, home.kpi.pk, 2024, key, state="number", value="たくさん")
    assert response.status_code == 422
    assert "数値として読めません" in response.json()["errors"]["value"][0]
    assert not Actual.objects.filter(kpi=home.kpi, fiscal_year=2024).exists()


def test_another_organisations_token_leaves_only_the_refusal(world, client, caplog) -> None:
    home, outsider = world["home"], world["outsider"]
    _, key = ApiToken.issue(outsider.users["planning"], "test")
    before = Event.objects.count()
    with caplog.at_level(logging.WARNING, logger="sousei.api"):
        response = _post(client, home.kpi.pk, 2024, key, state="number", value="5")
    assert response.status_code == 404
    assert not Actual.objects.filter(kpi=home.kpi, fiscal_year=2024).exists()
    assert Event.objects.count() == before
    assert any("拒否" in record.getMessage() for record in caplog.records)


def test_a_department_token_cannot_enter_another_departments_kpi(world, client) -> None:
    home = world["home"]
    _, key = ApiToken.issue(home.users["department"], "test")
    assert _post(client, home.other_kpi.pk, 2024, key, value="5").status_code == 404


@pytest.mark.parametrize("year", [2019, 2030])
def test_a_year_outside_the_plan_is_refused(world, client, year: int) -> None:
    home = world["home"]
    _, key = ApiToken.issue(home.users["department"], "test")
    response = _post(client, home.kpi.pk, year, key, value="5")
    assert response.status_code == 422 and "計画期間" in response.json()["detail"]
