"""Inline (htmx) entry of actuals: validation, states, audit and the stale-edit refusal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from sousei.web.audit.models import Event
from sousei.web.strategies.models import Actual

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(kpi, fiscal_year: int) -> str:
    return reverse("strategies:actual_entry", args=[kpi.pk, fiscal_year])


def _post(client: Client, kpi, fiscal_year: int, **data: object):
    payload = {"state": "number", "value": "", "note": "", "version": 0, **data}
    return client.post(_url(kpi, fiscal_year), payload, **HTMX)


def test_department_opens_the_inline_form(world, login) -> None:
    home = world["home"]
    response = login(home.users["department"]).get(_url(home.kpi, 2022), **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="value" value="700"' in body
    assert 'name="version" value="1"' in body
    assert "<html" not in body  # a partial, not a page


def test_new_actual_is_saved_parsed_and_audited(world, login) -> None:
    home = world["home"]
    client = login(home.users["department"])
    response = _post(client, home.kpi, 2023, value="１,２３４")  # full-width digits and comma
    assert response.status_code == 200
    assert "令和5年度の実績値を保存しました" in response.content.decode()
    actual = Actual.objects.get(kpi=home.kpi, fiscal_year=2023)
    assert (actual.state, actual.value, actual.version) == ("number", Decimal(1234), 1)
    event = Event.objects.get(object_type="strategies.actual", object_id=str(actual.pk))
    assert event.actor == home.users["department"]
    assert event.before is None and event.after["value"] == "1234"


def test_correction_bumps_version_and_keeps_before_value(world, login) -> None:
    home = world["home"]
    client = login(home.users["department"])
    assert _post(client, home.kpi, 2022, value="820", version=1).status_code == 200
    actual = Actual.objects.get(kpi=home.kpi, fiscal_year=2022)
    assert (actual.value, actual.version) == (Decimal(820), 2)
    event = Event.objects.get(object_type="strategies.actual", object_id=str(actual.pk))
    assert (Decimal(event.before["value"]), Decimal(event.after["value"])) == (700, 820)


@pytest.mark.parametrize(("data", "message"), [
    ({"value": ""}, "実績値を入力してください"),
    ({"value": "たくさん"}, "実績値「たくさん」は数値として読めません"),
    ({"value": "12件"}, "単位「件」はこのKPIの単位「人」と違います"),
    ({"state": "pending", "value": "5"}, "「公表後記入予定」のときは実績値を空欄にしてください"),
    ({"state": "zero"}, "状態を選び直してください"),
])
def test_invalid_entry_is_refused_in_japanese(world, login, data, message: str) -> None:
    home = world["home"]
    response = _post(login(home.users["department"]), home.kpi, 2023, **data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Actual.objects.filter(kpi=home.kpi, fiscal_year=2023).exists()
    assert not Event.objects.exists()


@pytest.mark.parametrize("state", ["pending", "not_obtainable", "not_carried_out"])
def test_states_without_a_number(world, login, state: str) -> None:
    home = world["home"]
    response = _post(login(home.users["department"]), home.kpi, 2023, state=state,
                     note="統計未公表")
    assert response.status_code == 200
    actual = Actual.objects.get(kpi=home.kpi, fiscal_year=2023)
    assert (actual.state, actual.value, actual.note) == (state, None, "統計未公表")


def test_second_save_of_a_stale_value_is_refused_showing_the_newer(world, login) -> None:
    home = world["home"]
    first, second = Client(), Client()
    first.force_login(home.users["department"])
    second.force_login(home.users["planning"])
    # Both loaded the row at version 1 (value 700).
    assert _post(first, home.kpi, 2022, value="820", version=1).status_code == 200
    response = _post(second, home.kpi, 2022, value="830", version=1)
    assert response.status_code == 409
    body = response.content.decode()
    assert "他の利用者がこの実績値を先に保存しました" in body
    assert "最新の値は「820」" in body
    assert Actual.objects.get(kpi=home.kpi, fiscal_year=2022).value == Decimal(820)
    assert Event.objects.filter(object_type="strategies.actual").count() == 1


def test_creating_a_row_someone_else_created_meanwhile_is_refused(world, login) -> None:
    home = world["home"]
    client = login(home.users["department"])
    response = _post(client, home.kpi, 2022, value="5", version=0)  # row 2022 already exists
    assert response.status_code == 409
    assert Actual.objects.get(kpi=home.kpi, fiscal_year=2022).value == Decimal(700)


@pytest.mark.parametrize("role", ["committee", "viewer"])
def test_roles_without_entry_get_404(world, login, role: str) -> None:
    home = world["home"]
    assert _post(login(home.users[role]), home.kpi, 2023, value="5").status_code == 404


def test_department_cannot_enter_another_departments_kpi(world, login) -> None:
    home = world["home"]
    client = login(home.users["department"])
    assert _post(client, home.other_kpi, 2023, value="5").status_code == 404
    assert not Actual.objects.filter(kpi=home.other_kpi).exists()


def test_year_outside_the_plan_is_404(world, login) -> None:
    home = world["home"]
    assert _post(login(home.users["department"]), home.kpi, 2031, value="5").status_code == 404


def test_entry_requires_csrf(world) -> None:
    home = world["home"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(home.users["department"])
    assert _post(client, home.kpi, 2023, value="5").status_code == 403


def test_without_htmx_the_entry_redirects_to_the_kpi_page(world, login) -> None:
    home = world["home"]
    client = login(home.users["department"])
    response = client.post(_url(home.kpi, 2023),
                           {"state": "number", "value": "9", "note": "", "version": 0})
    assert response.status_code == 302
    assert response["Location"] == reverse("strategies:kpi", args=[home.kpi.pk])
