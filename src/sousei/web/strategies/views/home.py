"""Start page: the strategies of the user's organisations (published ones only for viewers)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.web.accounts.models import Membership, Role


@login_required
def home(request: HttpRequest) -> HttpResponse:
    rows = []
    for membership in Membership.objects.filter(user=request.user).select_related("organisation"):
        strategies = membership.organisation.strategies.all()
        if membership.role == Role.VIEWER:
            strategies = strategies.filter(snapshots__isnull=False).distinct()
        rows.append({"membership": membership, "strategies": list(strategies)})
    return render(request, "strategies/home.html", {"rows": rows})
