"""Evaluation for a chosen fiscal year, publishing it as a frozen snapshot, and snapshot pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sousei.web.accounts.access import allows, get_for_user, membership_for
from sousei.web.audit.record import record_event
from sousei.web.strategies.evaluation import evaluate
from sousei.web.strategies.models import EvaluationSnapshot, Strategy


def _fiscal_year(request: HttpRequest, strategy: Strategy) -> int | None:
    raw = request.GET.get("fy") or request.POST.get("fy")
    if raw and raw.isdigit() and int(raw) in strategy.plan_years:
        return int(raw)
    return None


@login_required
def evaluation_view(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_for_user(request, Strategy, pk, need="write")
    result = evaluate(strategy, _fiscal_year(request, strategy))
    membership = membership_for(request, strategy.organisation)
    return render(request, "strategies/evaluation.html", {
        "strategy": strategy, "result": result, "live": True,
        "can_publish": allows(membership, strategy, "publish"),
    })


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_for_user(request, Strategy, pk, need="publish")
    result = evaluate(strategy, _fiscal_year(request, strategy))
    snapshot = EvaluationSnapshot(strategy_ref=strategy, fiscal_year=result["as_of"],
                                  scheme=result["scheme"], published_by=request.user, data=result)
    snapshot.save()
    record_event(request.user, snapshot, "評価の公表", before=None,
                 after={"fiscal_year": result["as_of"], "total": result["total"]})
    messages.success(request, "評価を公表しました。以後の実績値の修正はこの公表内容を変えません。")
    return redirect("strategies:snapshot", pk=snapshot.pk)


@login_required
def snapshot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    snapshot = get_for_user(request, EvaluationSnapshot, pk, need="read")
    return render(request, "strategies/evaluation.html", {
        "strategy": snapshot.strategy, "result": snapshot.data, "snapshot": snapshot,
        "live": False,
    })
