"""Open data: published evaluations and projections as CSV (UTF-8 with BOM) and JSON, without
login once published; planning users publish the current projection (audited)."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sousei.io.scenario import scenario_from_mapping
from sousei.web.accounts.access import organisation_for
from sousei.web.accounts.models import Organisation
from sousei.web.audit.record import record_event
from sousei.web.opendata.content import (
    EVALUATION_COLUMNS,
    PROJECTION_COLUMNS,
    csv_bytes,
    evaluation_document,
    evaluation_rows,
    projection_document,
    projection_rows,
)
from sousei.web.opendata.models import PublishedProjection
from sousei.web.strategies.models import EvaluationSnapshot, Strategy


def _latest_snapshot(pk: int) -> EvaluationSnapshot:
    snapshot = (EvaluationSnapshot.objects.filter(strategy_ref__pk=pk)
                .select_related("strategy_ref__organisation")
                .order_by("-published_at", "-id").first())
    if snapshot is None:
        raise Http404
    return snapshot


def _latest_projection(pk: int) -> PublishedProjection:
    found = PublishedProjection.objects.filter(organisation__pk=pk).first()
    if found is None:
        raise Http404
    return found


def _download(body: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return response


def _json(document: dict, name: str) -> HttpResponse:
    body = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    return _download(body, name, "application/json; charset=utf-8")


def index(request: HttpRequest) -> HttpResponse:
    strategies = (Strategy.objects.filter(snapshots__isnull=False).distinct()
                  .select_related("organisation").order_by("organisation__code", "name"))
    projections = (Organisation.objects.filter(published_projections__isnull=False).distinct()
                   .order_by("code", "name"))
    return render(request, "opendata/index.html",
                  {"strategies": strategies, "projections": projections})


def evaluation_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    snapshot = _latest_snapshot(pk)
    stem = f"evaluation-{snapshot.strategy_ref.pk}-fy{snapshot.fiscal_year}"
    if fmt == "json":
        return _json(evaluation_document(snapshot), f"{stem}.json")
    if fmt == "csv":
        return _download(csv_bytes(EVALUATION_COLUMNS, evaluation_rows(snapshot)), f"{stem}.csv",
                         "text/csv; charset=utf-8")
    raise Http404


def projection_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    published = _latest_projection(pk)
    stem = f"projection-{pk}-{published.published_at:%Y%m%d}"
    if fmt == "json":
        return _json({**published.data, "published_at": published.published_at.isoformat()},
                     f"{stem}.json")
    if fmt == "csv":
        return _download(csv_bytes(PROJECTION_COLUMNS, projection_rows(published.data)),
                         f"{stem}.csv", "text/csv; charset=utf-8")
    raise Http404


@login_required
@require_POST
def publish_projection(request: HttpRequest, pk: int) -> HttpResponse:
    from sousei.web.vision.compute import project

    organisation = organisation_for(request, pk, need="write")
    scenarios = [scenario_from_mapping(s.mapping) for s in organisation.scenarios.all()]
    base, run, source = project(organisation, scenarios)
    document = projection_document(organisation, base, run, source)
    with transaction.atomic():
        published = PublishedProjection.objects.create(
            organisation=organisation, published_by=request.user, data=document)
        record_event(request.user, published, "将来推計の公開", after={"years": document["years"],
                     "scenarios": [s["name"] for s in document["scenarios"]]})
    messages.success(request, "将来推計をオープンデータとして公開しました")
    return redirect("vision:projection", pk=organisation.pk)
