"""The prefecture roll-up of partnership projects (連携事業の集計): budgets per fiscal year
summed across the partnerships' shared projects and the KPIs of those projects per partner.

A prefecture's staff see every 連携中枢都市圏 with a member in the prefecture; a partnership's
staff see their own. The sums come from `sousei.strategy.rollup`; this view only gathers rows.
Budgets are working material, so viewers do not see the page (need="internal").
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.strategy.rollup import budgets_by_year, grade_counts, kpis_by_partner, shared_projects
from sousei.web.accounts.access import organisation_for
from sousei.web.accounts.models import Organisation, OrganisationKind
from sousei.web.strategies import models as db
from sousei.web.strategies.convert import to_core
from sousei.web.strategies.evaluation import default_as_of, scheme_of


def partnerships_of(organisation: Organisation) -> list[Organisation]:
    """The partnerships a roll-up covers: a prefecture's (any member in it) or the one itself."""
    if organisation.kind == OrganisationKind.PARTNERSHIP:
        return [organisation]
    if organisation.kind != OrganisationKind.PREFECTURE:
        raise Http404
    inside = (Q(members__prefecture=organisation.name)
              | Q(members__code__startswith=organisation.code[:2]))
    return list(Organisation.objects.filter(inside, kind=OrganisationKind.PARTNERSHIP)
                .distinct().order_by("name"))


@login_required
def rollup(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(request, pk, need="internal")
    partnerships = partnerships_of(organisation)
    strategies = list(db.Strategy.objects.filter(organisation__in=partnerships)
                      .select_related("organisation").order_by("organisation__name", "-plan_start"))
    cores = [to_core(s)[0] for s in strategies]
    projects = shared_projects(cores, [scheme_of(s) for s in strategies])
    try:
        as_of = int(request.GET.get("as_of", ""))
    except ValueError:
        as_of = max((default_as_of(s) for s in strategies), default=0)
    budgets = budgets_by_year(projects)
    symbols = list(dict.fromkeys(sym for sp in projects for sym in sp.scheme.symbols))
    partners = [
        {"name": name, "kpis": items,
         "counts": list(grade_counts(items, symbols).items())}
        for name, items in kpis_by_partner(projects, as_of).items()
    ]
    return render(request, "strategies/rollup.html", {
        "organisation": organisation, "partnerships": partnerships, "strategies": strategies,
        "projects": projects, "budgets": budgets, "years": [b.fiscal_year for b in budgets],
        "total": sum(b.thousand_yen for b in budgets), "partners": partners, "as_of": as_of,
        "symbols": symbols,
    })
