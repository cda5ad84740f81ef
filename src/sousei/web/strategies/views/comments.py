"""Committee comments on a basic goal, measure, project or KPI (added, never edited; each one
audited), and the planning department's reply (対応方針) with the stale-edit check."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from sousei.web.accounts.access import get_for_user, membership_for
from sousei.web.strategies.forms import CommentForm, ReplyForm
from sousei.web.strategies.models import KPI, BasicGoal, Comment, Measure, Project
from sousei.web.strategies.versioning import StaleEditError, create_audited, save_versioned

PAGES = {"kpi": "strategies:kpi", "project": "strategies:project",
         "measure": "strategies:measure", "goal": "strategies:goal"}


def _page_of(comment: Comment) -> HttpResponse:
    for field, page in PAGES.items():
        subject = getattr(comment, field)
        if subject is not None:
            return redirect(page, pk=subject.pk)
    raise AssertionError("a comment has a subject")


def _add(request: HttpRequest, comment: Comment) -> HttpResponse:
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
    return _page_of(comment)


@login_required
@require_POST
def kpi_comment(request: HttpRequest, pk: int) -> HttpResponse:
    return _add(request, Comment(kpi=get_for_user(request, KPI, pk, need="comment")))


@login_required
@require_POST
def project_comment(request: HttpRequest, pk: int) -> HttpResponse:
    return _add(request, Comment(project=get_for_user(request, Project, pk, need="comment")))


@login_required
@require_POST
def measure_comment(request: HttpRequest, pk: int) -> HttpResponse:
    return _add(request, Comment(measure=get_for_user(request, Measure, pk, need="comment")))


@login_required
@require_POST
def goal_comment(request: HttpRequest, pk: int) -> HttpResponse:
    return _add(request, Comment(goal=get_for_user(request, BasicGoal, pk, need="comment")))


@login_required
@require_POST
def comment_reply(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_for_user(request, Comment, pk, need="write")
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, "対応方針を入力してください")
        return _page_of(comment)
    changes = {"reply": form.cleaned_data["reply"], "replied_by": request.user}
    try:
        save_versioned(request.user, comment, form.cleaned_data["version"], changes,
                       "対応方針の記入")
    except StaleEditError as stale:
        messages.error(request, "ほかの人が先に対応方針を保存しました。最新の内容を確認してください"
                                f"(最新: {stale.current.reply})")
    else:
        messages.success(request, "対応方針を保存しました")
    return _page_of(comment)
