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

from sousei.web.accounts.access import get_for_user, membership_for
from sousei.web.accounts.models import Role
from sousei.web.strategies.evaluation import evaluate
from sousei.web.strategies.models import KPI, Actual, ActualState, BasicGoal, Strategy


@login_required
def strategy_tree(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_for_user(request, Strategy, pk, need="read")
    membership = membership_for(request, strategy.organisation)
    live = membership is not None and membership.role != Role.VIEWER
    goals = (
        BasicGoal.objects.filter(strategy_ref=strategy)
        .prefetch_related(
            "directions__measures__projects",
            Prefetch("directions__measures__projects__kpis", queryset=KPI.objects.all()),
        )
        if live else BasicGoal.objects.none()
    )
    grades: dict[int, dict] = {}
    latest: dict[int, Actual] = {}
    symbols: list[str] = []
    as_of = None
    goals = list(goals)
    if live:
        result = evaluate(strategy)
        symbols, as_of = result["symbols"], result["as_of"]
        grades = {k["id"]: k for g in result["goals"] for k in g["kpis"]}
        actuals = (Actual.objects.filter(kpi__project__measure__direction__goal__strategy_ref=strategy,
                                         state=ActualState.NUMBER).order_by("fiscal_year"))
        latest = {a.kpi_id: a for a in actuals}  # the last one per KPI wins: the latest year
        for goal in goals:
            for direction in goal.directions.all():
                for measure in direction.measures.all():
                    for project in measure.projects.all():
                        for kpi in project.kpis.all():
                            kpi.evaluation = grades.get(kpi.pk)
                            kpi.latest = latest.get(kpi.pk)
    return render(request, "strategies/tree.html", {
        "strategy": strategy, "goals": goals, "live": live, "membership": membership,
        "symbols": symbols, "as_of": as_of,
        "snapshots": strategy.snapshots.all(),
    })
