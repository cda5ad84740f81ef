"""`{% vision_downloads organisation %}`: the report download buttons of the projection page."""

from __future__ import annotations

from django import template

from sousei.web.vision.report_data import report_areas

register = template.Library()


@register.inclusion_tag("vision/_downloads.html")
def vision_downloads(organisation) -> dict:
    return {"organisation": organisation, "areas": report_areas(organisation)}
