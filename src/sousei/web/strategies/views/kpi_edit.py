"""Planning users correct a KPI's baseline, target and 担当課, never over a newer save."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sousei.web.accounts.access import get_for_user
from sousei.web.strategies.evaluation import scheme_of
from sousei.web.strategies.forms import KPITargetForm
from sousei.web.strategies.models import KPI
from sousei.web.strategies.versioning import StaleEditError, save_versioned

FIELDS = ("baseline", "baseline_year", "target_value", "target_year", "target_text", "department")
# Sent by the page's form; a client that leaves one out keeps the stored value.
OPTIONAL = ("name", "unit", "comparison_value", "judgement_grade", "judgement_reason")


def _initial(kpi: KPI) -> dict[str, object]:
    data: dict[str, object] = {name: getattr(kpi, name) for name in (*FIELDS, *OPTIONAL)}
    for name in ("baseline", "target_value", "comparison_value"):
        value = data[name]
        data[name] = "" if value is None else format(value.normalize(), "f")
    data["version"] = kpi.version
    return data


@login_required
@require_http_methods(["GET", "POST"])
def kpi_edit(request: HttpRequest, pk: int) -> HttpResponse:
    kpi = get_for_user(request, KPI, pk, need="write")
    scheme = scheme_of(kpi.strategy)
    conflict = None
    if request.method == "POST":
        form = KPITargetForm(request.POST, scheme=scheme)
        if form.is_valid():
            changes = {name: form.cleaned_data[name] for name in FIELDS}
            changes |= {name: form.cleaned_data[name] for name in OPTIONAL
                        if name in request.POST and (name != "name" or form.cleaned_data[name])}
            try:
                save_versioned(request.user, kpi, form.cleaned_data["version"], changes,
                               "KPIの目標・基準値の修正")
            except StaleEditError as stale:
                # Keep the user's values; the form now carries the newer version, so saving
                # again after reading the newer values is a deliberate overwrite.
                conflict = stale.current
                form = KPITargetForm({**request.POST.dict(), "version": conflict.version},
                                     scheme=scheme)
            else:
                messages.success(request, "KPIの目標・基準値を保存しました")
                return redirect("strategies:kpi", pk=kpi.pk)
    else:
        form = KPITargetForm(initial=_initial(kpi), scheme=scheme)
    status = 409 if conflict else (422 if form.is_bound and form.errors else 200)
    return render(request, "strategies/kpi_edit.html",
                  {"kpi": kpi, "form": form, "conflict": conflict,
                   "newer": _initial(conflict) if conflict else None}, status=status)
