"""The logic model page: the diagram and tables for every member who reads the strategy, and
the editor (add or remove indicators and links, audited) for planning users."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sousei.web.accounts.access import allows, get_for_user, membership_for
from sousei.web.audit.record import record_event
from sousei.web.logic.convert import load
from sousei.web.logic.diagram import logic_svg
from sousei.web.logic.forms import IndicatorForm, LinkForm, MeasureLinkForm
from sousei.web.logic.models import LogicIndicator, LogicLink, MeasureLink
from sousei.web.strategies.models import Strategy
from sousei.web.strategies.versioning import create_audited, snapshot

FORMS = {"indicator": IndicatorForm, "link": LinkForm, "measure": MeasureLinkForm}
DELETABLE = {"indicator": LogicIndicator, "link": LogicLink, "measure": MeasureLink}


def _add(request: HttpRequest, strategy: Strategy, form) -> None:
    data = form.cleaned_data
    if isinstance(form, IndicatorForm):
        row = LogicIndicator(strategy_ref=strategy, **data)
    elif isinstance(form, LinkForm):
        row = LogicLink(low=data["low"], high=data["high"])
    else:
        row = MeasureLink(measure=data["measure"], output=data["output"])
    create_audited(request.user, row, "ロジックモデルへの追加")


def _delete(request: HttpRequest, strategy: Strategy, kind: str, pk: str) -> None:
    model = DELETABLE[kind]
    row = model.objects.filter(pk=pk).first() if pk.isdigit() else None
    if row is None or row.strategy.pk != strategy.pk:
        raise Http404
    with transaction.atomic():
        record_event(request.user, row, "ロジックモデルからの削除", before=snapshot(row))
        row.delete()


@login_required
@require_http_methods(["GET", "POST"])
def logic_page(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_for_user(request, Strategy, pk, need="read")
    can_edit = allows(membership_for(request, strategy.organisation), strategy, "write")
    bound = {}
    if request.method == "POST":
        if not can_edit:
            raise Http404
        action, _, kind = request.POST.get("action", "").partition(":")
        if action == "delete" and kind in DELETABLE:
            _delete(request, strategy, kind, request.POST.get("id", ""))
            messages.success(request, "削除しました")
            return redirect("logic:page", pk=strategy.pk)
        if action == "add" and kind in FORMS:
            form = FORMS[kind](request.POST, strategy=strategy)
            if form.is_valid():
                _add(request, strategy, form)
                messages.success(request, "追加しました")
                return redirect("logic:page", pk=strategy.pk)
            bound[kind] = form
        else:
            raise Http404
    model, views = load(strategy)
    forms = {kind: bound.get(kind) or cls(strategy=strategy) for kind, cls in FORMS.items()}
    status = 422 if bound else 200
    return render(request, "logic/page.html", {
        "strategy": strategy, "organisation": strategy.organisation, "can_edit": can_edit,
        "diagram": logic_svg(model, views), "indicators": views, "problems": model.check(),
        "links": LogicLink.objects.filter(low__strategy_ref=strategy).select_related("low", "high"),
        "measure_links": MeasureLink.objects.filter(output__strategy_ref=strategy)
        .select_related("measure", "output"),
        "unlinked": model.unlinked(), "forms": forms,
    }, status=status)
