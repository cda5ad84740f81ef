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
    stored = list(kpi.actuals.all())  # read once for the table, the grade and the chart
    actuals = {a.fiscal_year: a for a in stored}
    strategy = kpi.strategy
    rows = [{"fiscal_year": fy, "actual": actuals.get(fy)} for fy in strategy.plan_years]
    return {
        "kpi": kpi, "rows": rows, "strategy": strategy,
        "can_enter": allows(membership, kpi, "enter"),
        "grade": grade_kpi(kpi, actuals=stored),
        "chart": kpi_chart_svg(kpi, list(actuals.values()), strategy.plan_years),
        **extra,
    }


def comments_context(request: HttpRequest, subject: Any, action: str) -> dict[str, Any]:
    """What `_comments.html` needs: the comments with replies, and who may add or reply."""
    membership = membership_for(request, subject.organisation)
    return {
        "comments": subject.comments.select_related("author", "replied_by"),
        "can_comment": allows(membership, subject, "comment"),
        "can_reply": allows(membership, subject, "write"),
        "comment_form": CommentForm(), "comment_action": action, "subject": subject,
    }


def _reviews(kpi: KPI, can_enter: bool) -> list[dict[str, Any]]:
    """One row per plan year with a review or, for those who may enter, the values of its form.

    The form is written out in kpi.html rather than rendered by Django's widgets: a select of
    seven 今後の方向性 per plan year made 200 widget templates, 40% of the page's time. The
    posted form is still validated by ReviewForm (views/review.py)."""
    found = {r.fiscal_year: r for r in kpi.reviews.all()}
    choices = [("", "(選択してください)"), *((s, s) for s in kpi.strategy.next_steps)]
    rows = []
    for fy in kpi.strategy.plan_years:
        review = found.get(fy)
        if review is None and not can_enter:
            continue
        form = None
        if can_enter:
            form = {"version": review.version if review else 0,
                    "self_evaluation": review.self_evaluation if review else "",
                    "next_step": review.next_step if review else "", "choices": choices}
        rows.append({"fiscal_year": fy, "review": review, "form": form})
    return rows


@login_required
def kpi_detail(request: HttpRequest, pk: int) -> HttpResponse:
    kpi = get_for_user(request, KPI, pk, need="read")
    membership = membership_for(request, kpi.organisation)
    context = results_context(request, kpi)
    context.update(comments_context(request, kpi, "strategies:kpi_comment"))
    context.update({
        "can_audit": allows(membership, kpi, "audit"),
        "reviews": _reviews(kpi, context["can_enter"]),
    })
    return render(request, "strategies/kpi.html", context)
