"""Planning users correct a KPI's target; a stale save is refused showing the newer values."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from sousei.web.audit.models import Event
from sousei.web.strategies.models import KPI

FORM = {"baseline": "600", "baseline_year": "2021", "target_value": "1,200",
        "target_year": "2026", "target_text": "1,200人(R8)", "department": "商工政策課"}


def _post(client: Client, kpi: KPI, **data: object):
    return client.post(reverse("strategies:kpi_edit", args=[kpi.pk]),
                       {**FORM, "version": 1, **data})


def test_planning_corrects_the_target_and_the_grade_follows(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    assert _post(client, home.kpi).status_code == 302
    kpi = KPI.objects.get(pk=home.kpi.pk)
    assert (kpi.target_value, kpi.target_text, kpi.version) == (Decimal(1200), "1,200人(R8)", 2)
    event = Event.objects.get(action="KPIの目標・基準値の修正")
    assert (event.before["target_value"], event.after["target_value"]) == ("1000", "1200")
    body = client.get(reverse("strategies:kpi", args=[kpi.pk])).content.decode()
    assert "（達成率 58.3%）" in body  # 700 / 1,200


def test_bad_number_is_refused_in_japanese(world, login) -> None:
    home = world["home"]
    response = _post(login(home.users["planning"]), home.kpi, target_value="千二百")
    assert response.status_code == 422
    assert "目標値「千二百」は数値として読めません" in response.content.decode()
    assert KPI.objects.get(pk=home.kpi.pk).version == 1


def test_stale_save_is_refused_with_the_newer_values(world, login) -> None:
    home = world["home"]
    first, second = Client(), Client()
    first.force_login(home.users["planning"])
    second.force_login(home.users["admin"])
    assert _post(first, home.kpi).status_code == 302
    response = _post(second, home.kpi, target_value="1500", target_text="1,500人(R8)")
    body = response.content.decode()
    assert response.status_code == 409
    assert "他の利用者がこのKPIを先に保存しました" in body
    assert "目標値「1200」" in body
    assert KPI.objects.get(pk=home.kpi.pk).target_value == Decimal(1200)
    assert 'name="version" value="2"' in body  # saving again is now a deliberate choice


@pytest.mark.parametrize("role", ["department", "committee", "viewer"])
def test_other_roles_cannot_edit(world, login, role: str) -> None:
    home = world["home"]
    assert _post(login(home.users[role]), home.kpi).status_code == 404
    assert KPI.objects.get(pk=home.kpi.pk).version == 1


def test_name_unit_comparison_and_a_recorded_grade(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    response = _post(client, home.kpi, name="物産展来場者数", unit="人", comparison_value="950",
                     judgement_grade="", judgement_reason="")
    assert response.status_code == 302
    kpi = KPI.objects.get(pk=home.kpi.pk)
    assert (kpi.name, kpi.comparison_value) == ("物産展来場者数", Decimal(950))
    body = client.get(reverse("strategies:kpi", args=[kpi.pk])).content.decode()
    assert "（達成率 79.2%）" in body  # the comparison value 950 / 1,200
    _post(client, home.kpi, version=2, name="")  # a blank name keeps the stored one
    assert KPI.objects.get(pk=home.kpi.pk).name == "物産展来場者数"


def test_a_grade_outside_the_strategys_scheme_is_refused_in_japanese(world, login) -> None:
    home = world["home"]
    response = _post(login(home.users["planning"]), home.kpi, judgement_grade="A",
                     judgement_reason="目標を上回った")
    assert response.status_code == 422
    body = response.content.decode()
    assert "評価「A」はこの総合戦略の評価方式(○△×の3段階(達成率80%以上で○))にありません。" in body
    assert "○・△・×のいずれかを入力してください" in body
    assert KPI.objects.get(pk=home.kpi.pk).version == 1


def test_a_grade_of_the_strategys_own_scheme_is_recorded(world, login) -> None:
    home = world["home"]
    strategy = home.kpi.strategy
    strategy.custom_scheme = {"name": "city", "levels": [
        {"symbol": "達成", "label": "達成", "min_rate": 100},
        {"symbol": "概ね達成", "label": "概ね達成", "min_rate": 80},
        {"symbol": "未達成", "label": "未達成", "min_rate": None}],
        "failed": {"symbol": "評価不能", "label": "評価不能", "min_rate": None}}
    strategy.save()
    client = login(home.users["planning"])
    page = client.get(reverse("strategies:kpi_edit", args=[home.kpi.pk])).content.decode()
    assert "達成・概ね達成・未達成・評価不能のいずれか" in page
    assert _post(client, home.kpi, judgement_grade="○").status_code == 422  # not this city's
    response = _post(client, home.kpi, judgement_grade="概ね達成", judgement_reason="9割に到達")
    assert response.status_code == 302
    kpi = KPI.objects.get(pk=home.kpi.pk)
    assert (kpi.judgement_grade, kpi.version) == ("概ね達成", 2)
    body = client.get(reverse("strategies:kpi", args=[kpi.pk])).content.decode()
    assert "記録された判定: 9割に到達" in body
