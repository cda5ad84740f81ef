"""Site administrators (superusers) register organisations from the code master in the web,
as `sousei-manage create_organisation` does: a 団体コード, or a 連携中枢都市圏 with its members'
codes; optionally an existing login becomes the new organisation's administrator."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sousei.io.reference.codes import AreaCodeError
from sousei.web.accounts.models import Membership, Organisation, Role
from sousei.web.accounts.organisations import organisation_for_code, partnership
from sousei.web.audit.record import record_event
from sousei.web.strategies.versioning import snapshot


def _admin(actor: object, organisation: Organisation, username: str) -> str | None:
    """Make `username` the organisation's administrator; an error message when unknown."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return f"利用者 {username!r} がいません(sousei-manage add_member で作成してください)"
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": Role.ADMIN})
    record_event(actor, membership, "membership.create", before=None, after=snapshot(membership))
    return None


def _create(request: HttpRequest) -> Organisation:
    post = request.POST
    codes = [post.get("code", ""), *(c for c in post.get("members", "").split(",") if c.strip())]
    found = [organisation_for_code(request.user, c.strip())[0] for c in codes]
    if post.get("partnership", "").strip():
        return partnership(request.user, post["partnership"].strip(), found)[0]
    return found[0]


@login_required
@require_http_methods(["GET", "POST"])
def organisation_new(request: HttpRequest) -> HttpResponse:
    if not request.user.is_superuser:
        raise Http404
    if request.method == "POST":
        try:
            organisation = _create(request)
        except AreaCodeError as exc:
            return render(request, "accounts/organisation_new.html", {"error": str(exc)},
                          status=422)
        username = request.POST.get("admin", "").strip()
        problem = _admin(request.user, organisation, username) if username else None
        if problem:
            messages.error(request, problem)
        messages.success(request, f"{organisation.name}を登録しました")
        return redirect("accounts:organisation_new")
    organisations = Organisation.objects.order_by("kind", "code", "name")
    return render(request, "accounts/organisation_new.html", {"organisations": organisations})
