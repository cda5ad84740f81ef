"""KPI page: baseline, actuals per fiscal year, target, grade, chart and comments."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.timezone import get_current_timezone_name
from django.utils.translation import get_language

from sousei.web.accounts.access import allows, get_for_user, membership_for
from sousei.web.fragments import CSRF_PLACEHOLDER, Fragments, row_key, rows_key, serve
from sousei.web.prepared import Prepared
from sousei.web.strategies.charts import kpi_chart_svg
from sousei.web.strategies.evaluation import default_as_of, grade_kpi
from sousei.web.strategies.forms import CommentForm
from sousei.web.strategies.models import KPI, Actual, Comment
from sousei.web.strategies.review_models import KPIReview


def results_context(request: HttpRequest, kpi: KPI, *, stored: list[Actual] | None = None,
                    as_of: int | None = None, **extra: Any) -> dict[str, Any]:
    """What the actuals table, grade and chart need; shared by the page and the htmx partial.
    `stored` (the KPI's actuals) and `as_of` when the caller has just read them."""
    membership = membership_for(request, kpi.organisation)
    if stored is None:
        stored = _of(kpi, _ACTUALS(kpi.pk))  # read once for the table, the grade and the chart
    actuals = {a.fiscal_year: a for a in stored}
    strategy = kpi.strategy
    rows = [{"fiscal_year": fy, "actual": actuals.get(fy)} for fy in strategy.plan_years]
    return {
        "kpi": kpi, "rows": rows, "strategy": strategy,
        "can_enter": allows(membership, kpi, "enter"),
        "grade": grade_kpi(kpi, as_of, actuals=stored),
        "chart": kpi_chart_svg(kpi, list(actuals.values()), strategy.plan_years),
        **extra,
    }


def comments_context(request: HttpRequest, subject: Any, action: str,
                     comments: list[Comment] | None = None) -> dict[str, Any]:
    """What `_comments.html` needs: the comments with replies, and who may add or reply."""
    membership = membership_for(request, subject.organisation)
    return {
        "comments": (subject.comments.select_related("author", "replied_by")
                     if comments is None else comments),
        "can_comment": allows(membership, subject, "comment"),
        "can_reply": allows(membership, subject, "write"),
        "comment_form": CommentForm(), "comment_action": action, "subject": subject,
    }


def _reviews(kpi: KPI, can_enter: bool, stored: list[KPIReview]) -> list[dict[str, Any]]:
    """One row per plan year with a review or, for those who may enter, the values of its form.

    The form is written out in _kpi_body.html rather than rendered by Django's widgets: a select of
    seven 今後の方向性 per plan year made 200 widget templates, 40% of the page's time. The
    posted form is still validated by ReviewForm (views/review.py)."""
    found = {r.fiscal_year: r for r in stored}
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


_BODIES = Fragments()
# The reviews, comments and audit links: a saved actual (the most frequent change) re-renders
# the body around this piece, not the piece (the review forms were half of the body's time).
_DISCUSSIONS = Fragments()


def clear_kept() -> None:
    """Forget every kept body and discussion of this worker (tests compare fresh renders)."""
    _BODIES.clear()
    _DISCUSSIONS.clear()


# The page's rows, compiled once (web/prepared.py): each view reads them for its key.
_ACTUALS = Prepared(lambda kpi: Actual.objects.filter(kpi_id=kpi))
_REVIEWS = Prepared(lambda kpi: KPIReview.objects.filter(kpi_id=kpi))
_COMMENTS = Prepared(lambda kpi: Comment.objects.filter(kpi_id=kpi)
                     .select_related("author", "replied_by"))


def _of(kpi: KPI, rows: list) -> list:
    """Rows of the KPI knowing it, as its related managers' rows do (no query for .kpi)."""
    for row in rows:
        row.kpi = kpi
    return rows


@login_required
def kpi_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The page's body is kept per worker (web/fragments.py) under every row it shows and the
    viewer's permissions: the rows are read on every view, only the rendering is saved."""
    kpi = get_for_user(request, KPI, pk, need="read")
    membership = membership_for(request, kpi.organisation)
    strategy = kpi.strategy
    actuals = _of(kpi, _ACTUALS(kpi.pk))
    reviews = _of(kpi, _REVIEWS(kpi.pk))
    comments = _of(kpi, _COMMENTS(kpi.pk))
    as_of = default_as_of(strategy)
    may = tuple(allows(membership, kpi, need) for need in ("enter", "comment", "write", "audit"))
    where = (get_language(), get_current_timezone_name())
    discussion_key = (kpi.pk, row_key(strategy), rows_key(reviews), rows_key(comments),
                      tuple((c.author.get_username(), c.replied_by_id) for c in comments),
                      may, *where)
    key = (row_key(kpi), row_key(kpi.project), row_key(strategy), rows_key(actuals),
           discussion_key, as_of, *where)

    def discussion() -> str:
        context = comments_context(request, kpi, "strategies:kpi_comment", comments)
        context.update({
            "kpi": kpi, "can_enter": may[0], "can_audit": may[3],
            "reviews": _reviews(kpi, may[0], reviews), "csrf_token": CSRF_PLACEHOLDER,
        })
        return render_to_string("strategies/_kpi_discussion.html", context)

    def body() -> str:
        context = results_context(request, kpi, stored=actuals, as_of=as_of)
        context.update({"csrf_token": CSRF_PLACEHOLDER,
                        "discussion": mark_safe(_DISCUSSIONS.get(discussion_key, discussion))})
        return render_to_string("strategies/_kpi_body.html", context)

    return render(request, "strategies/kpi.html",
                  {"kpi": kpi, "body": serve(request, _BODIES.get(key, body))})
