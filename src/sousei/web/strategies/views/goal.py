"""Per-goal dashboard: the goal's KPIs with grades, ○/△/× counts and shares, comments.

The whole strategy is evaluated so the fiscal year is the same as on the evaluation page.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.web.accounts.access import get_for_user, membership_for
from sousei.web.accounts.models import Role
from sousei.web.strategies.evaluation import evaluate
from sousei.web.strategies.models import BasicGoal
from sousei.web.strategies.views.kpi import comments_context


@login_required
def goal_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_for_user(request, BasicGoal, pk, need="read")
    membership = membership_for(request, goal.organisation)
    result = evaluate(goal.strategy)
    result["goals"] = [g for g in result["goals"] if g["id"] == goal.pk]
    return render(request, "strategies/goal.html", {
        "goal": goal, "strategy": goal.strategy, "result": result, "live": True,
        "can_download": membership is not None and membership.role != Role.VIEWER,
        **comments_context(request, goal, "strategies:goal_comment"),
    })
