"""The strategy tree: goals -> directions -> measures -> projects -> KPIs, as one table.

Each KPI row carries its grade (the same evaluation as the goal dashboard) and its latest
entered actual beside the target, so a reader sees where the strategy stands without opening
every KPI.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from sousei import strategy as core
from sousei.web.accounts.access import get_for_user, membership_for
from sousei.web.accounts.models import Role
from sousei.web.fragments import Fragments, row_key, rows_key
from sousei.web.prepared import Prepared
from sousei.web.strategies.convert import kpi_to_core
from sousei.web.strategies.evaluation import scheme_of
from sousei.web.strategies.models import (
    KPI,
    ActualState,
    BasicGoal,
    EvaluationSnapshot,
    Strategy,
)
from sousei.web.strategies.tree_rows import tree_rows

_TABLES = Fragments()
_SNAPSHOTS = Prepared(lambda pk: EvaluationSnapshot.objects.filter(strategy_ref_id=pk))


@login_required
def strategy_tree(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_for_user(request, Strategy, pk, need="read")
    membership = membership_for(request, strategy.organisation)
    live = membership is not None and membership.role != Role.VIEWER
    goals: list[BasicGoal] = []
    table = ""
    if live:
        # One load of the tree with every KPI's actuals; the grades come from these rows. The
        # whole-strategy evaluation (roles, budgets, numerical targets, summaries: a second
        # load of the tree) gave the same grades for twice the time.
        levels = tree_rows(strategy)
        goals = levels[0]
        # The table shows these rows and the grades made from them and the strategy's
        # scheme and plan: kept per worker under all of them (web/fragments.py).
        key = (row_key(strategy), *(rows_key(rows) for rows in levels), get_language())
        table = _TABLES.get(key, lambda: _table(strategy, goals, levels[4]))
    return render(request, "strategies/tree.html", {
        "strategy": strategy, "goals": goals, "live": live, "membership": membership,
        "tree_table": mark_safe(table),
        "snapshots": _SNAPSHOTS(strategy.pk),
    })


def _table(strategy: Strategy, goals: list[BasicGoal], kpis: list[KPI]) -> str:
    """The goals -> KPIs table with each KPI's grade and latest number."""
    for goal in goals:
        goal.strategy_ref = strategy  # the KPIs' `.strategy` without a query each
    years = [a.fiscal_year for kpi in kpis for a in kpi.actuals.all()]
    as_of = max(years) if years else strategy.plan_start  # as `default_as_of`
    scheme = scheme_of(strategy)
    for kpi in kpis:
        graded = core.evaluate_kpi(kpi_to_core(kpi), scheme, as_of, strategy.plan_start)
        kpi.evaluation = {"grade": graded.grade, "rate": graded.rate}
        numbers = [a for a in kpi.actuals.all() if a.state == ActualState.NUMBER]
        kpi.latest = numbers[-1] if numbers else None  # the latest year with a number
    return render_to_string("strategies/_tree_table.html", {
        "goals": goals, "as_of": as_of, "symbols": list(scheme.symbols)})
