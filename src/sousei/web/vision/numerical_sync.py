"""The basic goals' 数値目標 kept in step with the chosen 将来展望.

When the chosen scenario, a saved scenario's content or the population data changes, the
organisation's current strategy gets three rows written from the engine's own components
(`sousei.vision.numerical_targets`): births and net migration summed over the 5-year period
of the projection that covers most of the plan period, and the TFR at its end, under the
chosen scenario (目標値) and under the baseline 将来推計 (社人研推計値 column: the same method and
assumptions as IPSS). Rows are found again by their indicator name, so a planner's own targets
are never touched; with no scenario chosen the rows written before are removed.

Births go under the goal about marriage and child-rearing, net migration under the goal about
people's flows (by words in the goal's name), else under the first goal.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from sousei.io.errors import InputError
from sousei.io.scenario import scenario_from_mapping
from sousei.vision.numerical_targets import COMPONENTS, component_sums, numerical_targets
from sousei.web.accounts.models import Organisation
from sousei.web.audit.record import record_event
from sousei.web.strategies import models as db
from sousei.web.strategies.versioning import snapshot
from sousei.web.vision.compute import project
from sousei.web.vision.models import VisionChoice

SUFFIX = "【将来展望】"
NAMES = {key: f"{label}{SUFFIX}" for key, label in COMPONENTS.items()}
UNITS = {"births": "人", "net_migration": "人", "tfr": ""}
GOAL_WORDS = {
    "births": ("結婚", "出産", "子育て", "出生", "こども", "子ども"),
    "net_migration": ("移住", "転入", "定住", "人の流れ", "呼び込", "ひとの流れ"),
}
GOAL_WORDS["tfr"] = GOAL_WORDS["births"]


def plan_period(periods: tuple[tuple[int, int], ...], start: int, end: int) -> tuple[int, int]:
    """The projection's 5-year period sharing most years with fiscal years start..end (the
    later one on a tie: the plan looks forward)."""
    def overlap(period: tuple[int, int]) -> tuple[int, int]:
        return (min(period[1], end + 1) - max(period[0], start), period[0])

    return max(periods, key=overlap)


def _goal_for(goals: list[db.BasicGoal], key: str) -> db.BasicGoal:
    for goal in goals:
        if any(word in goal.name for word in GOAL_WORDS[key]):
            return goal
    return goals[0]


def _strategy(organisation: Organisation) -> db.Strategy | None:
    strategies = db.Strategy.objects.filter(organisation=organisation)
    return (strategies.filter(is_demo=False).order_by("-plan_start").first()
            or strategies.order_by("-plan_start").first())


def _d(value: float, places: int) -> Decimal:
    return Decimal(str(round(value, places)))


def sync_numerical_targets(actor: Any, organisation: Organisation) -> list[db.NumericalTarget]:
    """Write (or remove) the scenario-derived 数値目標 of the organisation's current strategy."""
    strategy = _strategy(organisation)
    if strategy is None or not strategy.goals.exists():
        return []
    choice = VisionChoice.objects.filter(organisation=organisation).first()
    existing = {nt.indicator: nt for nt in db.NumericalTarget.objects.filter(
        goal__strategy_ref=strategy, indicator__in=NAMES.values())}
    if choice is None or choice.scenario is None:
        with transaction.atomic():
            for nt in existing.values():
                record_event(actor, nt, "numerical_target.remove", before=snapshot(nt))
                nt.delete()
        return []
    scenario = scenario_from_mapping(choice.scenario.mapping)
    _, run, _ = project(organisation, [scenario])
    sums = component_sums(run)
    period = plan_period(sums.periods, strategy.plan_start, strategy.plan_end)
    goals = list(strategy.goals.all())
    written = []
    with transaction.atomic():
        for target in numerical_targets(sums, 1, 0, period):
            places = 2 if target.indicator == "tfr" else 0
            fields = {
                "unit": UNITS[target.indicator], "baseline": None,
                "ipss_estimate": _d(target.reference, places),
                "target": _d(target.chosen, places), "actual": None,
                "period": f"{period[0]}～{period[1]}年",
                "note": f"将来展望「{choice.scenario.name}」から算出: {target.wording('推計値')}",
            }
            nt = existing.get(NAMES[target.indicator])
            if nt is None:
                goal = _goal_for(goals, target.indicator)
                number = (goal.numerical_targets.order_by("-number")
                          .values_list("number", flat=True).first() or 0) + 1
                nt = db.NumericalTarget(goal=goal, number=number,
                                        indicator=NAMES[target.indicator], **fields)
                nt.save()
                record_event(actor, nt, "numerical_target.scenario", after=snapshot(nt))
            else:
                before = snapshot(nt)
                for name, value in fields.items():
                    setattr(nt, name, value)
                nt.version += 1
                nt.save()
                record_event(actor, nt, "numerical_target.scenario", before=before,
                             after=snapshot(nt))
            written.append(nt)
    return written


def resync(request: Any, organisation: Organisation) -> None:
    """`sync_numerical_targets` after a change made on a page; a projection that cannot run
    (no areas, unreadable data) leaves the targets as they were and says so."""
    from django.contrib import messages

    try:
        written = sync_numerical_targets(request.user, organisation)
    except (ValueError, InputError) as problem:
        messages.warning(request, f"数値目標を将来展望から更新できませんでした: {problem}")
        return
    if written:
        messages.info(request, "総合戦略の数値目標(出生数・純移動数・合計特殊出生率)を将来展望に合わせて更新しました")
