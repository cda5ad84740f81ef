"""The strategy tree: goals -> directions -> measures -> projects -> KPIs, as one table.

Each KPI row carries its grade (the same evaluation as the goal dashboard) and its latest
entered actual beside the target, so a reader sees where the strategy stands without opening
every KPI.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei import strategy as core
from sousei.web.accounts.access import get_for_user, membership_for
from sousei.web.accounts.models import Role
from sousei.web.strategies.convert import kpi_to_core
from sousei.web.strategies.evaluation import scheme_of
from sousei.web.strategies.models import KPI, Actual, ActualState, BasicGoal, Strategy


@login_required
def strategy_tree(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_for_user(request, Strategy, pk, need="read")
    membership = membership_for(request, strategy.organisation)
    live = membership is not None and membership.role != Role.VIEWER
    symbols: list[str] = []
    as_of = None
    goals: list[BasicGoal] = []
    if live:
        # One load of the tree with every KPI's actuals; the grades come from these rows. The
        # whole-strategy evaluation (roles, budgets, numerical targets, summaries: a second
        # load of the tree) gave the same grades for twice the time.
        goals = list(BasicGoal.objects.filter(strategy_ref=strategy).prefetch_related(
            "directions__measures__projects",
            Prefetch("directions__measures__projects__kpis", queryset=KPI.objects.all()),
            Prefetch("directions__measures__projects__kpis__actuals",
                     queryset=Actual.objects.order_by("fiscal_year")),
        ))
        kpis = [kpi for goal in goals for direction in goal.directions.all()
                for measure in direction.measures.all() for project in measure.projects.all()
                for kpi in project.kpis.all()]
        for goal in goals:
            goal.strategy_ref = strategy  # the KPIs' `.strategy` without a query each
        years = [a.fiscal_year for kpi in kpis for a in kpi.actuals.all()]
        as_of = max(years) if years else strategy.plan_start  # as `default_as_of`
        scheme = scheme_of(strategy)
        symbols = list(scheme.symbols)
        for kpi in kpis:
            graded = core.evaluate_kpi(kpi_to_core(kpi), scheme, as_of, strategy.plan_start)
            kpi.evaluation = {"grade": graded.grade, "rate": graded.rate}
            numbers = [a for a in kpi.actuals.all() if a.state == ActualState.NUMBER]
            kpi.latest = numbers[-1] if numbers else None  # the latest year with a number
    return render(request, "strategies/tree.html", {
        "strategy": strategy, "goals": goals, "live": live, "membership": membership,
        "symbols": symbols, "as_of": as_of,
        "snapshots": strategy.snapshots.all(),
    })
