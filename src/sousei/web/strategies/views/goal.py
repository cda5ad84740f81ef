"""Per-goal dashboard: the goal's KPIs with their grades, ○/△/× counts and shares, comments."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.web.accounts.access import allows, get_for_user, membership_for
from sousei.web.strategies.forms import CommentForm
from sousei.web.strategies.models import KPI, BasicGoal


@login_required
def goal_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_for_user(request, BasicGoal, pk, need="read")
    membership = membership_for(request, goal.organisation)
    kpis = KPI.objects.filter(project__measure__direction__goal=goal).select_related("project")
    return render(request, "strategies/goal.html", {
        "goal": goal, "strategy": goal.strategy, "kpis": kpis,
        "comments": goal.comments.select_related("author"),
        "can_comment": allows(membership, goal, "comment"),
        "comment_form": CommentForm(),
    })
