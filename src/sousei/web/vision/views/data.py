"""Uploading population data and vital statistics: validated with the CLI's readers before
anything is stored."""

from __future__ import annotations

from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sousei.io.errors import InputError
from sousei.io.flows.vital_stats import read_vital_statistics
from sousei.io.reference.codes import AreaCodeError, normalize_code
from sousei.vision.juki_shipped import JUKI_BASE_YEAR, juki_base_frame, juki_file_names, juki_source
from sousei.web.accounts.access import can_read_internal, can_write, organisation_for
from sousei.web.strategies.versioning import create_audited
from sousei.web.vision.area_uploads import AREA_UPLOADS, area_upload_versions, store_area_upload
from sousei.web.vision.data import check_projects, frame_to_text, organisation_codes, read_upload
from sousei.web.vision.models import PopulationDataset, VitalStatistics
from sousei.web.vision.net_migration import store_moves_by_age
from sousei.web.vision.numerical_sync import resync

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


def store_juki_base(user, organisation) -> PopulationDataset:
    """A dataset version from the shipped 住基 tables of 1 January 2021 (日本人住民 and
    外国人住民) for the organisation's areas: the same row an upload makes, audited alike."""
    try:
        codes = [normalize_code(code) for code in organisation_codes(organisation)]
    except AreaCodeError as error:
        raise InputError(str(error)) from None
    if not codes:
        raise InputError("団体コードが登録されていないため住基の表から人口を選べません")
    frame = juki_base_frame(codes, JUKI_BASE_YEAR)
    names = juki_file_names(JUKI_BASE_YEAR)
    check_projects(frame, " + ".join(names))
    dataset = PopulationDataset(
        organisation=organisation, version=PopulationDataset.next_version(organisation),
        source=juki_source(JUKI_BASE_YEAR), file_name=" + ".join(names),
        base_year=JUKI_BASE_YEAR, rows=len(frame), content=frame_to_text(frame),
        uploaded_by=user,
    )
    return create_audited(user, dataset, "dataset.juki_base")


@login_required
@require_POST
def juki_base(request: HttpRequest, pk: int) -> HttpResponse:
    """「住基 2021年1月1日」 chosen as the base population (from the data or projection page)."""
    organisation = organisation_for(request, pk, need="write")
    try:
        dataset = store_juki_base(request.user, organisation)
    except InputError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, f"住基 {JUKI_BASE_YEAR}年1月1日の人口を第{dataset.version}版の"
                         "基準人口として登録しました")
        resync(request, organisation)
    return redirect((request.POST.get("next") == "projection" and "vision:projection")
                    or "vision:data", pk=organisation.pk)


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
                if isinstance(dataset, PopulationDataset):
                    resync(request, organisation)
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
