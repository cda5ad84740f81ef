"""The strategy tree: goals -> directions -> measures -> projects -> KPIs."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.web.accounts.access import get_for_user, membership_for
from sousei.web.accounts.models import Role
from sousei.web.strategies.models import KPI, BasicGoal, Strategy


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
    return render(request, "strategies/tree.html", {
        "strategy": strategy, "goals": goals, "live": live, "membership": membership,
        "snapshots": strategy.snapshots.all(),
    })
