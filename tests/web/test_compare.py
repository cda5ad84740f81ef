"""Grade shares per basic goal side by side across a partnership's members (published only)."""

from __future__ import annotations

from io import StringIO

from django.urls import reverse

from sousei import strategy as core
from sousei.web.accounts.models import Organisation
from sousei.web.strategies.convert import from_core
from sousei.web.strategies.evaluation import evaluate
from sousei.web.strategies.models import EvaluationSnapshot, Strategy


def _publish(strategy: Strategy, user, fy: int = 2022) -> None:
    EvaluationSnapshot.objects.create(strategy_ref=strategy, fiscal_year=fy, scheme="standard",
                                      published_by=user, data=evaluate(strategy, fy))


def test_members_published_shares_side_by_side(world, login) -> None:
    home, outsider = world["home"], world["outsider"]
    okawa = Organisation.objects.get(code="40212")
    # 大川市's own strategy: one KPI, 90 of a 100人 target (90% -> ○); unpublished at first
    kpi = core.KPI("移住者数", "人", core.Direction.HIGHER, core.Aggregation.LEVEL,
                   core.Target(core.TargetKind.LEVEL, 100.0, 2026, "100人"),
                   actuals=(core.Actual(2022, core.ActualState.NUMBER, 90.0),))
    okawa_strategy = from_core(None, okawa, core.Strategy("大川市総合戦略", 2022, 2026, (
        core.BasicGoal("移住の促進", (core.Measure("移住支援", (core.Project("相談窓口", (kpi,)),)),)),
    )))
    _publish(home.strategy, home.users["planning"])
    client = login(home.users["viewer"])
    url = reverse("strategies:compare", args=[home.organisation.pk])
    page = client.get(url).content.decode()
    assert "久留米広域連携中枢都市圏" in page and "大川市" not in page.split("<table")[1]
    _publish(okawa_strategy, home.users["planning"])
    page = client.get(url).content.decode()
    table = page.split("<table")[1]
    assert "大川市" in table and "移住の促進<br>○ 100% / △ 0% / × 0%（KPI 1件）" in table
    assert "嘉麻市" not in table  # not a member
    assert login(outsider.users["planning"]).get(url).status_code == 404


def test_a_prefecture_sees_its_municipalities_published_shares(world, login) -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from sousei.web.accounts.models import Membership

    outsider = world["outsider"]
    call_command("create_organisation", "40000", stdout=StringIO())
    call_command("create_organisation", "43000", stdout=StringIO())
    fukuoka, kumamoto = (Organisation.objects.get(code=c) for c in ("40000", "43000"))
    assert (fukuoka.name, fukuoka.kind) == ("福岡県", "prefecture")
    _publish(outsider.strategy, outsider.users["planning"])  # 嘉麻市's own strategy
    pages = {}
    for prefecture in (fukuoka, kumamoto):  # one client: each viewer logs in in turn
        user = get_user_model().objects.create_user(f"viewer-{prefecture.code}")
        Membership.objects.create(user=user, organisation=prefecture, role="viewer")
        response = login(user).get(reverse("strategies:compare", args=[prefecture.pk]))
        assert response.status_code == 200
        pages[prefecture.code] = response.content.decode()
    table = pages["40000"].split("<table")[1]
    assert "嘉麻市" in table and "（KPI " in table
    assert "久留米市" not in table  # no published evaluation of its own
    assert "嘉麻市" not in pages["43000"]
