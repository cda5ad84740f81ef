"""Inline (htmx) entry of an actual by a department user, with optimistic concurrency.

GET returns the results table with one row as a form; POST validates, saves through
`save_versioned` (audited) and returns the refreshed table, or the form with Japanese errors,
or the newer value when someone else saved first.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sousei.web.accounts.access import get_for_user
from sousei.web.strategies.forms import ActualForm
from sousei.web.strategies.models import KPI, Actual
from sousei.web.strategies.versioning import StaleEditError, create_audited, save_versioned
from sousei.web.strategies.views.kpi import results_context

TEMPLATE = "strategies/_results.html"


def _respond(request: HttpRequest, kpi: KPI, status: int = 200, **extra: object) -> HttpResponse:
    if not request.htmx:
        return redirect("strategies:kpi", pk=kpi.pk)
    return render(request, TEMPLATE, results_context(request, kpi, **extra), status=status)


def _save(request: HttpRequest, kpi: KPI, fiscal_year: int, form: ActualForm) -> None:
    save_actual(request.user, kpi, fiscal_year, form.cleaned_data)


def save_actual(actor: object, kpi: KPI, fiscal_year: int, data: dict) -> None:
    """Create or update one actual from a validated `ActualForm`, audited and version-checked
    (the form and the API both save through here)."""
    changes = {"state": data["state"], "value": data["value"], "note": data["note"]}
    existing = Actual.objects.filter(kpi=kpi, fiscal_year=fiscal_year).first()
    if existing is not None:
        existing.kpi = kpi  # with the owner chain the access check read
    if existing is None:
        if data["version"] != 0:
            raise StaleEditError(Actual(kpi=kpi, fiscal_year=fiscal_year, state="", version=0))
        try:
            with transaction.atomic():
                create_audited(actor, Actual(kpi=kpi, fiscal_year=fiscal_year, **changes),
                               "実績値の入力")
        except IntegrityError:  # another user created it between our read and our insert
            raise StaleEditError(Actual.objects.get(kpi=kpi, fiscal_year=fiscal_year)) from None
    else:
        save_versioned(actor, existing, data["version"], changes, "実績値の修正")


@login_required
@require_http_methods(["GET", "POST"])
def actual_entry(request: HttpRequest, pk: int, fiscal_year: int) -> HttpResponse:
    kpi = get_for_user(request, KPI, pk, need="enter")
    if fiscal_year not in kpi.strategy.plan_years:
        raise Http404
    if request.method == "GET":
        actual = Actual.objects.filter(kpi=kpi, fiscal_year=fiscal_year).first()
        initial = {"state": "number", "version": 0}
        if actual:
            value = "" if actual.value is None else format(actual.value.normalize(), "f")
            initial = {"state": actual.state, "value": value, "note": actual.note,
                       "version": actual.version}
        form = ActualForm(initial=initial, unit=kpi.unit)
        return _respond(request, kpi, editing=fiscal_year, form=form)
    form = ActualForm(request.POST, unit=kpi.unit)
    if not form.is_valid():
        return _respond(request, kpi, status=422, editing=fiscal_year, form=form)
    try:
        _save(request, kpi, fiscal_year, form)
    except StaleEditError as stale:
        return _respond(request, kpi, status=409, editing=fiscal_year, form=form,
                        conflict=stale.current)
    return _respond(request, kpi, saved=fiscal_year)
