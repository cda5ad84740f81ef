"""KPI page: baseline, actuals per fiscal year, target, grade, chart and comments."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.web.accounts.access import allows, get_for_user, membership_for
from sousei.web.strategies.charts import kpi_chart_svg
from sousei.web.strategies.evaluation import grade_kpi
from sousei.web.strategies.forms import CommentForm
from sousei.web.strategies.models import KPI


def results_context(request: HttpRequest, kpi: KPI, **extra: Any) -> dict[str, Any]:
    """What the actuals table, grade and chart need; shared by the page and the htmx partial."""
    membership = membership_for(request, kpi.organisation)
    actuals = {a.fiscal_year: a for a in kpi.actuals.all()}
    strategy = kpi.strategy
    rows = [{"fiscal_year": fy, "actual": actuals.get(fy)} for fy in strategy.plan_years]
    return {
        "kpi": kpi, "rows": rows, "strategy": strategy,
        "can_enter": allows(membership, kpi, "enter"),
        "grade": grade_kpi(kpi),
        "chart": kpi_chart_svg(kpi, list(actuals.values()), strategy.plan_years),
        **extra,
    }


@login_required
def kpi_detail(request: HttpRequest, pk: int) -> HttpResponse:
    kpi = get_for_user(request, KPI, pk, need="read")
    membership = membership_for(request, kpi.organisation)
    context = results_context(request, kpi)
    context.update({
        "comments": kpi.comments.select_related("author"),
        "can_comment": allows(membership, kpi, "comment"),
        "can_audit": allows(membership, kpi, "audit"),
        "comment_form": CommentForm(),
    })
    return render(request, "strategies/kpi.html", context)
