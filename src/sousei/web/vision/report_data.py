"""The organisation's 人口ビジョン report: the projection the projection page shows (latest
upload or the shipped census, every saved scenario), its vital statistics and its VisionChoice
as the 将来展望.

The report is one municipality's chapter, as `sousei report vision` writes it; a partnership
downloads one per member area (each projected on its own, as the projection page does). Its target population belongs to the whole organisation, so it
is printed only when the organisation has a single area (and the year lies in the projection).
"""

from __future__ import annotations

import pandas as pd

from sousei.demography.indicators import VitalYear
from sousei.demography.scenarios import BASELINE
from sousei.io.errors import InputError
from sousei.io.scenario import scenario_from_mapping
from sousei.reports.html import Document
from sousei.reports.vision import vision_document
from sousei.reports.vision_areas import AreaTables
from sousei.reports.vision_data import VisionData, user_vision_data, vision_data, with_vital
from sousei.reports.vision_outlook import PopulationTarget, VisionOutlook
from sousei.vision.areas import AreaCodeError, data_codes
from sousei.vision.run import ProjectionRequest
from sousei.web.accounts.models import Organisation
from sousei.web.vision.compute import CENSUS_BASE_YEAR, TO_YEAR
from sousei.web.vision.data import dataset_frame, latest_dataset, member_areas
from sousei.web.vision.models import ForeignResidents, MovesByArea, VisionChoice


def report_areas(organisation: Organisation) -> list[tuple[str, str]]:
    """(code, name) of the areas with a report: the municipality, or each member."""
    if organisation.code:
        return [(organisation.code, organisation.name)]
    return member_areas(organisation.pk)


def _outlook(organisation: Organisation, data: VisionData, single: bool) -> VisionOutlook | None:
    choice = (VisionChoice.objects.filter(organisation=organisation)
              .select_related("scenario").first())
    if choice is None or choice.scenario is None:
        return None
    name = scenario_from_mapping(choice.scenario.mapping).name
    target = None
    if (single and choice.target_population and choice.target_year
            and data.years[0] <= choice.target_year <= data.years[-1]):
        target = PopulationTarget(choice.target_population, choice.target_year, name)
    return VisionOutlook(name, target)


def _area_reports(organisation: Organisation, area: str) -> list[VisionData]:
    """The area projected on its own, as `sousei report vision --area` (or ``--population``
    with the organisation's latest upload) does: the same functions, the same numbers."""
    scenarios = (BASELINE, *(scenario_from_mapping(s.mapping) for s in organisation.scenarios.all()))
    dataset = latest_dataset(organisation)
    if dataset is None:
        request = ProjectionRequest(data_codes((area,)), CENSUS_BASE_YEAR, TO_YEAR, scenarios)
        return vision_data(request)
    request = ProjectionRequest((area,), dataset.base_year, TO_YEAR, scenarios)
    source = f"{dataset.source}({dataset.file_name} 第{dataset.version}版)"
    return user_vision_data(dataset_frame(dataset), request, source)


def _with_vital(organisation: Organisation, reports: list[VisionData]) -> list[VisionData]:
    vital = organisation.vital_statistics.order_by("-version").first()
    if vital is None:
        return reports
    rows = [VitalYear(**row) for row in vital.rows]
    return with_vital(reports, rows, f"{vital.source}({vital.file_name} 第{vital.version}版)")


def _area_tables(organisation: Organisation) -> AreaTables | None:
    """The latest moves and foreign-resident uploads as the frames their readers returned."""
    moves = MovesByArea.latest_for(organisation)
    foreign = ForeignResidents.latest_for(organisation)
    if moves is None and foreign is None:
        return None
    return AreaTables(
        pd.DataFrame(moves.rows) if moves else None, moves.source_line if moves else "",
        pd.DataFrame(foreign.rows) if foreign else None, foreign.source_line if foreign else "",
    )


def organisation_report(organisation: Organisation, area: str) -> tuple[Document, str] | None:
    """The document and file stem for ``area`` (a code of ``report_areas``), None if the
    organisation's data has no such area."""
    single = len(report_areas(organisation)) == 1
    try:
        reports = _area_reports(organisation, area)
    except (AreaCodeError, InputError, KeyError):
        return None
    if not reports:
        return None
    if single:  # the uploaded vital statistics are the organisation's, so one area's
        reports = _with_vital(organisation, reports)
    data = reports[0]
    outlook = _outlook(organisation, data, single)
    document = vision_document(data, _area_tables(organisation), outlook)
    return document, f"人口ビジョン_{data.name}"
