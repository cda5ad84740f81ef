"""Project page: purpose, partner roles and budgets per fiscal year (千円)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.web.accounts.access import allows, get_for_user, membership_for
from sousei.web.strategies.models import Project
from sousei.web.strategies.views.kpi import comments_context


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_for_user(request, Project, pk, need="read")
    strategy = project.strategy
    budgets = {b.fiscal_year: b for b in project.budgets.all()}
    budget_rows = [(fy, budgets.get(fy)) for fy in strategy.plan_years]
    membership = membership_for(request, project.organisation)
    return render(request, "strategies/project.html", {
        "project": project, "strategy": strategy, "roles": project.roles.all(),
        "budget_rows": budget_rows, "kpis": project.kpis.all(),
        "can_write": allows(membership, project, "write"),
        **comments_context(request, project, "strategies:project_comment"),
    })
