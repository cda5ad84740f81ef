"""Evaluation through `sousei.strategy` (the only implementation of the grading rules).

This module only converts rows, picks the scheme and the fiscal year, and turns the result into
plain data for pages and for the frozen snapshot of a published evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sousei import strategy as core
from sousei.strategy.grading import scheme_from_mapping
from sousei.web.prepared import Prepared
from sousei.web.strategies import models as db
from sousei.web.strategies.convert import kpi_to_core, to_core


@dataclass(frozen=True)
class KPIGrade:
    symbol: str | None  # None while pending
    status: str
    rate: float | None
    rule: str
    as_of: int


def default_as_of(strategy: db.Strategy) -> int:
    """The latest fiscal year with any actual entered, else the first plan year (as the core)."""
    return _LATEST_YEAR.first(strategy.pk) or strategy.plan_start


# Asked on every KPI page: compiled once (web/prepared.py).
_LATEST_YEAR = Prepared(lambda strategy: db.Actual.objects.filter(
    kpi__project__measure__direction__goal__strategy_ref_id=strategy)
    .order_by("-fiscal_year").values_list("fiscal_year", flat=True)[:1])


def scheme_of(strategy: db.Strategy) -> core.GradingScheme:
    """The strategy's own scheme (the CLI's JSON) when it has one, else the built-in named."""
    if strategy.custom_scheme:
        return scheme_from_mapping(strategy.custom_scheme)
    return core.get_scheme(strategy.grading_scheme)


def grade_kpi(kpi: db.KPI, as_of: int | None = None,
              actuals: list[db.Actual] | None = None) -> KPIGrade:
    """One KPI's grade; `actuals` (in fiscal-year order) when the caller has read them."""
    strategy = kpi.strategy
    as_of = as_of or default_as_of(strategy)
    ev = core.evaluate_kpi(kpi_to_core(kpi, actuals), scheme_of(strategy), as_of,
                           strategy.plan_start)
    return KPIGrade(ev.grade, ev.status.value, ev.rate, ev.rule, as_of)


def evaluate(strategy: db.Strategy, as_of: int | None = None) -> dict[str, Any]:
    """The whole strategy's evaluation as JSON-ready data (what a snapshot freezes)."""
    core_strategy, ids = to_core(strategy)
    result = core.evaluate_strategy(core_strategy, scheme_of(strategy),
                                    as_of or default_as_of(strategy))
    goals = []
    goal_ids = list(strategy.goals.values_list("pk", flat=True))
    for (goal_name, evaluations), goal_id, kpi_ids, summary in zip(
        result.by_goal, goal_ids, ids, result.goals, strict=True
    ):
        kpis = [
            {"id": pk, "name": ev.kpi.name, "unit": ev.kpi.unit, "department": ev.kpi.department,
             "grade": ev.grade, "status": ev.status.value, "rate": ev.rate,
             "compared_value": ev.compared_value, "target_value": ev.target_value,
             "rule": ev.rule}
            for pk, ev in zip(kpi_ids, evaluations, strict=True)
        ]
        goals.append({"id": goal_id, "name": goal_name, "summary": summary.as_dict(), "kpis": kpis})
    return {
        "strategy": strategy.name, "organisation": strategy.organisation.name,
        "scheme": result.scheme.name, "symbols": list(result.scheme.symbols),
        "failed_in_denominator": result.scheme.failed_in_denominator,
        "pending_in_denominator": result.scheme.pending_in_denominator,
        "as_of": result.as_of, "goals": goals, "total": result.total.as_dict(),
    }
