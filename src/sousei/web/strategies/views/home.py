"""Start page: per organisation, its 人口ビジョン and its 総合戦略 side by side (published
strategies only for viewers; the vision's data page only for staff and committee)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.web.accounts.models import Membership, Role
from sousei.web.vision.data import latest_dataset


@login_required
def home(request: HttpRequest) -> HttpResponse:
    rows = []
    for membership in Membership.objects.filter(user=request.user).select_related("organisation"):
        organisation = membership.organisation
        strategies = organisation.strategies.all()
        if membership.role == Role.VIEWER:
            strategies = strategies.filter(snapshots__isnull=False).distinct()
        rows.append({
            "membership": membership,
            "organisation": organisation,
            "strategies": list(strategies),
            "internal": membership.role != Role.VIEWER,
            "dataset": latest_dataset(organisation),
            "scenarios": list(organisation.scenarios.values_list("name", flat=True)),
        })
    return render(request, "strategies/home.html", {"rows": rows})
