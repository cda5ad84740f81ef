"""Uploading population data and vital statistics: validated with the CLI's readers before
anything is stored."""

from __future__ import annotations

from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sousei.io.errors import InputError
from sousei.io.flows.vital_stats import read_vital_statistics
from sousei.web.accounts.access import can_read_internal, can_write, organisation_for
from sousei.web.strategies.versioning import create_audited
from sousei.web.vision.area_uploads import AREA_UPLOADS, area_upload_versions, store_area_upload
from sousei.web.vision.data import frame_to_text, read_upload
from sousei.web.vision.models import PopulationDataset, VitalStatistics
from sousei.web.vision.net_migration import store_moves_by_age

MAX_UPLOAD = 20 * 1024 * 1024


def _store(request: HttpRequest, organisation, upload, source: str):
    if request.POST.get("kind") in AREA_UPLOADS:
        return store_area_upload(request.user, organisation, request.POST["kind"], upload.read(),
                                 upload.name, source)
    if request.POST.get("kind") == "vital":
        rows = read_vital_statistics(upload.read(), upload.name)
        latest = organisation.vital_statistics.aggregate(v=Max("version"))["v"] or 0
        return create_audited(request.user, VitalStatistics(
            organisation=organisation, version=latest + 1, source=source,
            file_name=upload.name, rows=[asdict(r) for r in rows], uploaded_by=request.user,
        ), "vital.upload")
    if request.POST.get("kind") == "moves_age":
        return store_moves_by_age(request, organisation, upload, source)
    frame = read_upload(upload.read(), upload.name, organisation,
                        area_code=request.POST.get("area_code") or None, year=_year(request))
    latest = organisation.population_datasets.aggregate(v=Max("version"))["v"] or 0
    dataset = PopulationDataset(
        organisation=organisation, version=latest + 1, source=source, file_name=upload.name,
        base_year=int(frame["year"].max()), rows=len(frame), content=frame_to_text(frame),
        uploaded_by=request.user,
    )
    return create_audited(request.user, dataset, "dataset.upload")


def _year(request: HttpRequest) -> int | None:
    text = (request.POST.get("year") or "").strip()
    if not text:
        return None
    if not text.isdigit() or not 1900 <= int(text) <= 2100:
        raise InputError(f"基準年 {text!r} は西暦4桁で入力してください")
    return int(text)


@login_required
def data_page(request: HttpRequest, pk: int) -> HttpResponse:
    # The page lists every upload with its uploader: staff and committee only, not viewers.
    need = "write" if request.method == "POST" else "internal"
    organisation = organisation_for(request, pk, need=need)
    error = None
    if request.method == "POST":
        upload = request.FILES.get("file")
        source = (request.POST.get("source") or "").strip()
        if upload is None or not source:
            error = "ファイルと出典を指定してください"
        elif upload.size > MAX_UPLOAD:
            error = "ファイルが大きすぎます (20MBまで)"
        else:
            try:
                dataset = _store(request, organisation, upload, source)
            except InputError as problem:
                error = str(problem)
            else:
                messages.success(request, f"{dataset.file_name} を第{dataset.version}版として登録しました")
                return redirect("vision:data", pk=organisation.pk)
    datasets = organisation.population_datasets.select_related("uploaded_by")
    return render(request, "vision/data.html", {
        "organisation": organisation, "datasets": datasets, "error": error,
        "vitals": organisation.vital_statistics.select_related("uploaded_by"),
        "moves_by_age": organisation.moves_by_age.select_related("uploaded_by"),
        "can_write": can_write(request, organisation),
        "internal": can_read_internal(request, organisation), **area_upload_versions(organisation),
        "members": [m for m in organisation.members.order_by("code") if m.code],
    }, status=422 if error else 200)
