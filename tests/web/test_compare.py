"""Grade shares per basic goal side by side across a partnership's members (published only)."""

from __future__ import annotations

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
