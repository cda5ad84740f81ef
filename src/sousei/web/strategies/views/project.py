"""Project page: purpose, partner roles and budgets per fiscal year (千円)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.web.accounts.access import get_for_user
from sousei.web.strategies.models import Project


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_for_user(request, Project, pk, need="read")
    strategy = project.strategy
    budgets = {b.fiscal_year: b for b in project.budgets.all()}
    budget_rows = [(fy, budgets.get(fy)) for fy in strategy.plan_years]
    return render(request, "strategies/project.html", {
        "project": project, "strategy": strategy, "roles": project.roles.all(),
        "budget_rows": budget_rows, "kpis": project.kpis.all(),
    })
