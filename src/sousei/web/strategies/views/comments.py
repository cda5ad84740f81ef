"""Committee comments on a KPI or a basic goal (added, never edited; each one audited)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from sousei.web.accounts.access import get_for_user, membership_for
from sousei.web.strategies.forms import CommentForm
from sousei.web.strategies.models import KPI, BasicGoal, Comment
from sousei.web.strategies.versioning import create_audited


def _add(request: HttpRequest, comment: Comment) -> None:
    form = CommentForm(request.POST)
    if form.is_valid():
        comment.author = request.user
        comment.body = form.cleaned_data["body"]
        membership = membership_for(request, comment.organisation)
        comment.sector = membership.sector if membership is not None else ""
        create_audited(request.user, comment, "意見の追加")
        messages.success(request, "意見を登録しました")
    else:
        messages.error(request, " ".join(form.errors["body"]))


@login_required
@require_POST
def kpi_comment(request: HttpRequest, pk: int) -> HttpResponse:
    kpi = get_for_user(request, KPI, pk, need="comment")
    _add(request, Comment(kpi=kpi))
    return redirect("strategies:kpi", pk=kpi.pk)


@login_required
@require_POST
def goal_comment(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_for_user(request, BasicGoal, pk, need="comment")
    _add(request, Comment(goal=goal))
    return redirect("strategies:goal", pk=goal.pk)
