"""Grade shares per basic goal, side by side, for a partnership's members or a prefecture's
municipalities that use sousei. Only published evaluations (the frozen snapshots) are compared:
they are the figures each municipality has made public, so no unpublished data crosses over."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.web.accounts.access import organisation_for
from sousei.web.accounts.models import Organisation, OrganisationKind
from sousei.web.strategies.models import EvaluationSnapshot


def _members(organisation: Organisation) -> list[Organisation]:
    if organisation.kind == OrganisationKind.PREFECTURE:
        found = Organisation.objects.filter(
            Q(prefecture=organisation.name) | Q(code__startswith=organisation.code[:2]),
            kind=OrganisationKind.MUNICIPALITY)
        return list(found.exclude(pk=organisation.pk).order_by("code"))
    return [organisation, *organisation.members.order_by("code")]


def _shares(goal: dict[str, Any], symbols: list[str]) -> str:
    summary = goal["summary"]
    parts = [f"{s} {summary['shares'][s]}%" for s in symbols if s in summary["shares"]]
    return f"{' / '.join(parts)}（KPI {summary['kpi_count']}件）"


def comparison(organisation: Organisation) -> tuple[list[dict[str, Any]], int]:
    """Per member with a published evaluation: its latest snapshot's goals and shares."""
    columns = []
    for member in _members(organisation):
        snapshot = (EvaluationSnapshot.objects.filter(strategy_ref__organisation=member,
                                                      strategy_ref__is_demo=False)
                    .order_by("-fiscal_year", "-published_at").first())
        if snapshot is None:
            continue
        data = snapshot.data
        goals = [{"name": g["name"], "shares": _shares(g, data["symbols"])}
                 for g in data["goals"]]
        columns.append({"organisation": member, "fiscal_year": snapshot.fiscal_year,
                        "strategy": data["strategy"], "goals": goals,
                        "total": _shares({"summary": data["total"]}, data["symbols"])})
    depth = max((len(c["goals"]) for c in columns), default=0)
    return columns, depth


@login_required
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(request, pk, need="read")
    columns, depth = comparison(organisation)
    rows = [[c["goals"][i] if i < len(c["goals"]) else None for c in columns]
            for i in range(depth)]
    return render(request, "strategies/compare.html",
                  {"organisation": organisation, "columns": columns, "rows": rows})
