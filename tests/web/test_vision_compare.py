"""The comparison page: Fukuoka's municipalities on an indicator, sortable, own areas marked."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse


def _names(body: str) -> list[str]:
    table = body.split('<table id="compare">', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<th scope="row">(?:▶ )?([^<]+)</th>', table)


@pytest.mark.parametrize("role", ["planning", "department", "committee", "viewer"])
def test_members_see_their_prefecture_with_their_areas_marked(world, login, role: str) -> None:
    home = world["home"]
    url = reverse("vision:compare", args=[home.organisation.pk])
    response = login(home.users[role]).get(url, {"indicator": "change_ipss2023"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "市区町村の比較(福岡県)" in body and "人口増減率 2025→2050年 (社人研 令和5年推計)" in body
    assert len(_names(body)) == 60
    # 久留米市 (IPSS 2023: 299,292 -> 260,912) is one of the organisation's areas
    assert re.search(r'<tr class="own" aria-current="true"><td class="num">22</td><td>40203</td>'
                     r'<th scope="row">▶ 久留米市</th><td class="num">△12.8%</td>', body)
    assert 'role="img" aria-label="人口増減率 2025→2050年' in body


def test_sorting_by_name_and_by_value_ascending(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    url = reverse("vision:compare", args=[home.organisation.pk])
    by_name = _names(client.get(url, {"sort": "name", "order": "asc"}).content.decode())
    assert by_name == sorted(by_name)
    lowest_first = client.get(url, {"indicator": "ageing_rate", "sort": "value", "order": "asc"})
    assert _names(lowest_first.content.decode())[-1] == "東峰村"  # oldest in 2015, now last


def test_another_prefecture_and_bad_parameters_fall_back(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    url = reverse("vision:compare", args=[home.organisation.pk])
    saga = client.get(url, {"prefecture": "41", "indicator": "tfr"}).content.decode()
    assert "市区町村の比較(佐賀県)" in saga and "佐賀市" in _names(saga)
    odd = client.get(url, {"prefecture": "99", "indicator": "nothing", "sort": "x"})
    assert odd.status_code == 200 and "市区町村の比較(福岡県)" in odd.content.decode()


def test_an_outsider_gets_404(world, login) -> None:
    home, other = world["home"], world["outsider"]
    response = login(other.users["planning"]).get(
        reverse("vision:compare", args=[home.organisation.pk]))
    assert response.status_code == 404


def test_published_kpi_grades_are_an_indicator(world, login) -> None:
    from sousei import strategy as core
    from sousei.web.accounts.models import Organisation
    from sousei.web.strategies.convert import from_core
    from sousei.web.strategies.evaluation import evaluate
    from sousei.web.strategies.models import EvaluationSnapshot

    home = world["home"]
    okawa = Organisation.objects.get(code="40212")

    def kpi(value: float) -> core.KPI:  # of a 100人 target: 90 -> ○, 50 -> △ (standard)
        return core.KPI(f"指標{value}", "人", core.Direction.HIGHER, core.Aggregation.LEVEL,
                        core.Target(core.TargetKind.LEVEL, 100.0, 2026, "100人"),
                        actuals=(core.Actual(2022, core.ActualState.NUMBER, value),))

    plan = core.Strategy("大川市総合戦略", 2022, 2026, (core.BasicGoal("移住", (core.Measure(
        "支援", (core.Project("窓口", (kpi(90.0), kpi(50.0), kpi(95.0))),)),)),))
    stored = from_core(None, okawa, plan)
    url = reverse("vision:compare", args=[home.organisation.pk])
    client = login(home.users["viewer"])
    body = client.get(url, {"indicator": "kpi_best_share"}).content.decode()
    assert "KPIの達成状況" in body and "構成団体の達成状況の比較" in body
    assert re.search(r"<td>40212</td><th scope=\"row\">▶ 大川市</th><td class=\"num\">—</td>", body)
    EvaluationSnapshot.objects.create(strategy_ref=stored, fiscal_year=2022, scheme="standard",
                                      published_by=home.users["planning"],
                                      data=evaluate(stored, 2022))
    body = client.get(url, {"indicator": "kpi_best_share"}).content.decode()
    # two of three KPIs at ○: 67% (whole per cent, half up), ranked first of Fukuoka's 60
    assert re.search(r'<td class="num">1</td><td>40212</td><th scope="row">▶ 大川市</th>'
                     r'<td class="num">67(?:\.0)?%</td>', body)
