"""Evaluation for a chosen fiscal year, publishing it as a frozen snapshot, and snapshot pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
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
        "published_versions": _versions(strategy, result["as_of"]),
    })


def _versions(strategy: Strategy, fiscal_year: int) -> int:
    """How many times the fiscal year's evaluation has been published (the latest 第N版)."""
    return EvaluationSnapshot.objects.filter(strategy_ref=strategy, fiscal_year=fiscal_year).count()


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish a frozen snapshot. A fiscal year already published is published again only as
    an explicit new version (`new_version=1`); the earlier versions stay readable."""
    strategy = get_for_user(request, Strategy, pk, need="publish")
    result = evaluate(strategy, _fiscal_year(request, strategy))
    year = result["as_of"]
    with transaction.atomic():
        Strategy.objects.select_for_update().filter(pk=strategy.pk).first()  # one publisher at a time
        earlier = _versions(strategy, year)
        if earlier and request.POST.get("new_version") != "1":
            messages.error(request, f"{year}年度の評価は公表済みです(第{earlier}版)。内容を改めるときは"
                                    "「新しい版として公表する」を選んでください。")
            return redirect(f"{reverse('strategies:evaluation', args=[strategy.pk])}?fy={year}")
        snapshot = EvaluationSnapshot(strategy_ref=strategy, fiscal_year=year,
                                      scheme=result["scheme"], published_by=request.user, data=result)
        snapshot.save()
        record_event(request.user, snapshot, "評価の公表" if not earlier else "評価の再公表",
                     before=None, after={"fiscal_year": year, "version": earlier + 1,
                                         "total": result["total"]})
    messages.success(request, f"評価を公表しました(第{earlier + 1}版)。"
                              "以後の実績値の修正はこの公表内容を変えません。")
    return redirect("strategies:snapshot", pk=snapshot.pk)


@login_required
def snapshot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    snapshot = get_for_user(request, EvaluationSnapshot, pk, need="read")
    version = EvaluationSnapshot.objects.filter(
        strategy_ref=snapshot.strategy_ref, fiscal_year=snapshot.fiscal_year, pk__lte=snapshot.pk
    ).count()
    return render(request, "strategies/evaluation.html", {
        "strategy": snapshot.strategy, "result": snapshot.data, "snapshot": snapshot,
        "live": False, "version": version,
    })
