"""`{% vision_summary organisation %}`: the 将来展望 line on the strategy pages."""

from __future__ import annotations

from django import template

from sousei.web.prepared import Prepared
from sousei.web.vision.models import VisionChoice

register = template.Library()


@register.inclusion_tag("vision/_summary.html")
def vision_summary(organisation) -> dict:
    found = _CHOICE(organisation.pk)
    return {"organisation": organisation, "choice": found[0] if found else None}


# On every strategy page: compiled once (web/prepared.py).
_CHOICE = Prepared(lambda pk: VisionChoice.objects.filter(organisation_id=pk)
                   .select_related("scenario").order_by("pk")[:1])
