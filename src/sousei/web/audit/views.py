"""The audit trail of one object, for planning users of the owning organisation."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.web.accounts.access import get_for_user
from sousei.web.audit.record import events_for

# Only these kinds of object have an audit page; anything else is 404 like a forbidden object.
AUDITED = {
    "strategies.strategy", "strategies.basicgoal", "strategies.direction",
    "strategies.measure", "strategies.project", "strategies.partnerrole", "strategies.budget",
    "strategies.kpi", "strategies.actual", "strategies.comment",
    "strategies.evaluationsnapshot",
}


@login_required
def object_history(request: HttpRequest, object_type: str, pk: int) -> HttpResponse:
    if object_type not in AUDITED:
        raise Http404
    model = apps.get_model(object_type)
    obj = get_for_user(request, model, pk, need="audit")
    events = events_for(obj).select_related("actor")
    if object_type == "strategies.kpi":
        # A KPI's history includes its actuals, which are rows of their own.
        from sousei.web.audit.models import Event

        actual_ids = [str(i) for i in obj.actuals.values_list("pk", flat=True)]
        events = (events | Event.objects.filter(
            object_type="strategies.actual", object_id__in=actual_ids)).select_related("actor")
    return render(request, "audit/history.html", {"obj": obj, "events": events})
