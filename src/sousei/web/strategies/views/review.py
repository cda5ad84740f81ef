"""A department's self-evaluation and 今後の方向性 of a KPI, per fiscal year, never over a
newer save; the options come from the strategy's own list (Strategy.next_steps)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from sousei.japanese import format_fiscal_year
from sousei.web.accounts.access import get_for_user
from sousei.web.strategies.forms import ReviewForm
from sousei.web.strategies.models import KPI, KPIReview
from sousei.web.strategies.versioning import StaleEditError, create_audited, save_versioned


def _save(request: HttpRequest, kpi: KPI, data: dict) -> None:
    changes = {"self_evaluation": data["self_evaluation"], "next_step": data["next_step"]}
    existing = KPIReview.objects.filter(kpi=kpi, fiscal_year=data["fiscal_year"]).first()
    if existing is not None:
        save_versioned(request.user, existing, data["version"], changes, "自己評価の修正")
        return
    if data["version"] != 0:
        raise StaleEditError(KPIReview(kpi=kpi, fiscal_year=data["fiscal_year"]))
    try:
        with transaction.atomic():
            create_audited(request.user, KPIReview(kpi=kpi, fiscal_year=data["fiscal_year"],
                                                   **changes), "自己評価の記入")
    except IntegrityError:
        raise StaleEditError(KPIReview.objects.get(kpi=kpi, fiscal_year=data["fiscal_year"])
                             ) from None


@login_required
@require_POST
def kpi_review(request: HttpRequest, pk: int) -> HttpResponse:
    kpi = get_for_user(request, KPI, pk, need="enter")
    strategy = kpi.strategy
    form = ReviewForm(request.POST, steps=list(strategy.next_steps))
    if not form.is_valid() or form.cleaned_data["fiscal_year"] not in strategy.plan_years:
        messages.error(request, "自己評価を保存できませんでした(今後の方向性を選び直してください)")
        return redirect("strategies:kpi", pk=kpi.pk)
    try:
        _save(request, kpi, form.cleaned_data)
    except StaleEditError:
        messages.error(request, "ほかの人が先に自己評価を保存しました。最新の内容を確認してください")
    else:
        year = format_fiscal_year(form.cleaned_data["fiscal_year"])
        messages.success(request, f"{year}の自己評価を保存しました")
    return redirect("strategies:kpi", pk=kpi.pk)
