"""Measure page: its projects and the committee's comments on the measure."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.web.accounts.access import get_for_user
from sousei.web.strategies.models import Measure
from sousei.web.strategies.views.kpi import comments_context


@login_required
def measure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    measure = get_for_user(request, Measure, pk, need="read")
    return render(request, "strategies/measure.html", {
        "measure": measure, "strategy": measure.strategy, "projects": measure.projects.all(),
        **comments_context(request, measure, "strategies:measure_comment"),
    })
