"""The verification committee of a strategy: roster (所属, 役職, 区分), meeting dates, and the
list of 今後の方向性 the departments choose from. Planning users edit; members read."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sousei.web.accounts.access import allows, get_for_user, membership_for
from sousei.web.accounts.models import CommitteeSector
from sousei.web.strategies.models import CommitteeMember, Meeting, Strategy
from sousei.web.strategies.versioning import StaleEditError, create_audited, save_versioned


@login_required
def committee_page(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_for_user(request, Strategy, pk, need="read")
    membership = membership_for(request, strategy.organisation)
    return render(request, "strategies/committee.html", {
        "strategy": strategy, "members": strategy.committee.all(),
        "meetings": strategy.meetings.all(), "sectors": CommitteeSector.choices,
        "can_write": allows(membership, strategy, "write"),
        "steps": "\n".join(strategy.next_steps),
    })


@login_required
@require_POST
def committee_add(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_for_user(request, Strategy, pk, need="write")
    post = request.POST
    if post.get("what") == "meeting":
        try:
            held_on = date.fromisoformat(post.get("held_on", ""))
        except ValueError:
            messages.error(request, "開催日を 2026-02-26 の形で入力してください")
            return redirect("strategies:committee", pk=strategy.pk)
        create_audited(request.user, Meeting(strategy_ref=strategy, held_on=held_on,
                                             title=post.get("title", "").strip()), "会議の登録")
        messages.success(request, "会議を登録しました")
    elif post.get("name", "").strip():
        create_audited(request.user, CommitteeMember(
            strategy_ref=strategy, name=post["name"].strip(),
            affiliation=post.get("affiliation", "").strip(), title=post.get("title", "").strip(),
            sector=post.get("sector", "") if post.get("sector") in CommitteeSector.values else "",
        ), "検証委員の登録")
        messages.success(request, "委員を登録しました")
    else:
        messages.error(request, "氏名を入力してください")
    return redirect("strategies:committee", pk=strategy.pk)


@login_required
@require_POST
def next_steps(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_for_user(request, Strategy, pk, need="write")
    steps = [line.strip() for line in request.POST.get("steps", "").splitlines() if line.strip()]
    try:
        save_versioned(request.user, strategy, int(request.POST.get("version", "0")),
                       {"next_steps": steps}, "今後の方向性の選択肢の修正")
    except (StaleEditError, ValueError):
        messages.error(request, "ほかの人が先に保存しました。最新の内容を確認してください")
    else:
        messages.success(request, "今後の方向性の選択肢を保存しました")
    return redirect("strategies:committee", pk=strategy.pk)
