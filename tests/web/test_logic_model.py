"""The logic model editor: planning users add indicators and links (audited, checked by the
core's rules), everyone who reads the strategy sees the diagram, outsiders get 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sousei.web.audit.models import Event
from sousei.web.logic.models import LogicIndicator, LogicLink, MeasureLink
from sousei.web.strategies.models import Measure


def _add_three(client, tenant) -> tuple[LogicIndicator, LogicIndicator, LogicIndicator]:
    url = reverse("logic:page", args=[tenant.strategy.pk])
    for code, name, level, kpi in (
        ("I1", "圏域の総人口", 3, ""), ("O1", "転入超過数", 2, ""),
        ("P1", "販路拡大の商談件数", 1, str(tenant.kpi.pk)),
    ):
        response = client.post(url, {"action": "add:indicator", "code": code, "name": name,
                                     "level": level, "unit": "人", "kpi": kpi})
        assert response.status_code == 302, response.content.decode()
    return tuple(LogicIndicator.objects.get(strategy_ref=tenant.strategy, code=c)
                 for c in ("I1", "O1", "P1"))


def test_planning_builds_the_chain_and_everything_is_audited(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    url = reverse("logic:page", args=[home.strategy.pk])
    impact, outcome, output = _add_three(client, home)
    for low, high in ((output, outcome), (outcome, impact)):
        assert client.post(url, {"action": "add:link", "low": low.pk,
                                 "high": high.pk}).status_code == 302
    measure = Measure.objects.get(direction__goal__strategy_ref=home.strategy)
    assert client.post(url, {"action": "add:measure", "measure": measure.pk,
                             "output": output.pk}).status_code == 302
    body = client.get(url).content.decode()
    assert 'aria-label="ロジックモデル"' in body and "P1 販路拡大の商談件数" in body
    assert "上位につながっていない指標" not in body
    actions = Event.objects.filter(organisation=home.organisation).values_list("action", flat=True)
    assert list(actions).count("ロジックモデルへの追加") == 6
    # the output follows a KPI: its grade and actuals are shown
    assert home.kpi.name in body


def test_a_link_downwards_is_refused_with_the_cores_words(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    impact, _, output = _add_three(client, home)
    response = client.post(reverse("logic:page", args=[home.strategy.pk]),
                           {"action": "add:link", "low": impact.pk, "high": output.pk})
    assert response.status_code == 422
    assert "上位の段階へのつながりにしてください" in response.content.decode()
    assert not LogicLink.objects.exists()


def test_delete_is_audited_and_only_within_the_strategy(world, login) -> None:
    home, outsider = world["home"], world["outsider"]
    client = login(home.users["planning"])
    impact, _, _ = _add_three(client, home)
    url = reverse("logic:page", args=[home.strategy.pk])
    assert client.post(url, {"action": "delete:indicator", "id": impact.pk}).status_code == 302
    assert Event.objects.filter(action="ロジックモデルからの削除").count() == 1
    other_url = reverse("logic:page", args=[outsider.strategy.pk])
    other = login(outsider.users["planning"])
    _, output, _ = _add_three(other, outsider)
    client = login(home.users["planning"])
    assert client.post(url, {"action": "delete:indicator", "id": output.pk}).status_code == 404
    assert LogicIndicator.objects.filter(pk=output.pk).exists()
    assert client.get(other_url).status_code == 404


@pytest.mark.parametrize("role", ["department", "committee"])
def test_other_roles_read_but_cannot_edit(world, login, role: str) -> None:
    home = world["home"]
    client = login(home.users[role])
    url = reverse("logic:page", args=[home.strategy.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "add:indicator", "code": "X", "name": "x",
                                 "level": 1})
    assert response.status_code == 404 and not LogicIndicator.objects.exists()
    assert not MeasureLink.objects.exists()
