"""The organisation's 人口ビジョン report: the projection the projection page shows (latest
upload or the shipped census, every saved scenario) and its VisionChoice as the 将来展望.

The report is one municipality's chapter, as `sousei report vision` writes it; a partnership
downloads one per member area. Its target population belongs to the whole organisation, so it
is printed only when the organisation has a single area (and the year lies in the projection).
"""

from __future__ import annotations

from sousei.io.scenario_file import scenario_from_mapping
from sousei.reports.html import Document
from sousei.reports.vision import vision_document
from sousei.reports.vision_data import VisionData
from sousei.reports.vision_outlook import PopulationTarget, VisionOutlook
from sousei.reports.vision_run import region_reports
from sousei.web.accounts.models import Organisation
from sousei.web.vision.compute import project
from sousei.web.vision.data import latest_dataset, organisation_codes
from sousei.web.vision.models import VisionChoice


def report_areas(organisation: Organisation) -> list[tuple[str, str]]:
    """(code, name) of the areas with a report: the municipality, or each member."""
    if organisation.code:
        return [(organisation.code, organisation.name)]
    members = organisation.members.filter(code__in=organisation_codes(organisation))
    return [(m.code, m.name) for m in members.order_by("code")]


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


def organisation_report(organisation: Organisation, area: str) -> tuple[Document, str] | None:
    """The document and file stem for ``area`` (a code of ``report_areas``), None if the
    projection has no such area."""
    scenarios = [scenario_from_mapping(s.mapping) for s in organisation.scenarios.all()]
    _, run, source = project(organisation, scenarios)
    names = dict(report_areas(organisation))
    uploaded = source if latest_dataset(organisation) is not None else ""
    by_code = {d.code: d for d in region_reports(run, names, uploaded)}
    data = by_code.get(area)
    if data is None:
        return None
    outlook = _outlook(organisation, data, single=len(names) == 1)
    return vision_document(data, outlook), f"人口ビジョン_{data.name}"
