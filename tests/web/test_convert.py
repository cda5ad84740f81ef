"""DB rows <-> sousei.strategy dataclasses: a stored core strategy reads back equal."""

from __future__ import annotations

from sousei import strategy as core
from sousei.web.audit.models import Event
from sousei.web.strategies.convert import from_core, to_core
from sousei.web.strategies.models import KPI, PartnerRole


def _core_strategy() -> core.Strategy:
    kpi = core.KPI(
        name="新規就農者数", unit="人", direction=core.Direction.HIGHER,
        aggregation=core.Aggregation.FLOW,
        target=core.Target(core.TargetKind.CUMULATIVE, 40.0, 2026, "5年間に40人"),
        baseline=7.0, baseline_year=2021,
        actuals=(core.Actual(2022, core.ActualState.NUMBER, 6.0),
                 core.Actual(2023, core.ActualState.NUMBER, 9.5),
                 core.Actual(2024, core.ActualState.PENDING, None, "公表後記入予定")),
        department="農政課",
    )
    project = core.Project(
        name="新規就農支援事業", kpis=(kpi,), purpose="若い農業者の育成", departments=("農政課",),
        roles=(core.Role("久留米市", "研修会の企画"), core.Role("連携市町", "周知")),
        budgets=(core.Budget(2022, 0.0), core.Budget(2023, 1250.5), core.Budget(2024, None)),
    )
    goal = core.BasicGoal("圏域の経済成長", (
        core.Measure("就農支援", (project,), "地域資源の活用"),
        core.Measure("販路拡大", (), "地域資源の活用"),
        core.Measure("企業誘致", (), "雇用の創出"),
    ))
    return core.Strategy("テスト戦略", 2022, 2026, (goal,), "久留米広域連携中枢都市圏")


def test_round_trip_is_equal(world) -> None:
    home = world["home"]
    original = _core_strategy()
    stored = from_core(home.users["planning"], home.organisation, original)
    read_back, ids = to_core(stored)
    assert read_back == original
    assert [len(g) for g in ids] == [1]
    assert KPI.objects.get(pk=ids[0][0]).name == "新規就農者数"
    assert [d.name for d in stored.goals.get().directions.all()] == ["地域資源の活用", "雇用の創出"]


def test_stored_strategy_is_audited_and_linked_to_partners(world) -> None:
    home = world["home"]
    before = Event.objects.count()
    stored = from_core(home.users["planning"], home.organisation, _core_strategy())
    # strategy, goal, 2 directions, 3 measures, project, 2 roles, 3 budgets, KPI, 3 actuals
    assert Event.objects.count() - before == 17
    role = PartnerRole.objects.get(project__measure__direction__goal__strategy_ref=stored,
                                   label="久留米市")
    assert role.municipality.code == "40203"
