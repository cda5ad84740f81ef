"""人口ビジョン(Excel)/(PDF): the report of one area, built from what the organisation has."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from sousei.web.accounts.access import organisation_for
from sousei.web.downloads import report_response
from sousei.web.vision.report_data import organisation_report, report_areas


@login_required
def vision_report(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """Every member of the organisation may download (as they may read the pages); 404 else."""
    organisation = organisation_for(request, pk)
    areas = [code for code, _ in report_areas(organisation)]
    area = request.GET.get("area") or (areas[0] if areas else "")
    if area not in areas:
        raise Http404

    def build():
        built = organisation_report(organisation, area)
        if built is None:
            raise Http404
        return built

    return report_response(build, fmt)
