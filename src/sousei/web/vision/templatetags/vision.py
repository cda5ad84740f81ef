"""`{% vision_summary organisation %}`: the 将来展望 line on the strategy pages."""

from __future__ import annotations

from django import template

from sousei.web.prepared import Prepared
from sousei.web.vision.models import VisionChoice

register = template.Library()


@register.inclusion_tag("vision/_summary.html")
def vision_summary(organisation) -> dict:
    return {"organisation": organisation, "choice": _CHOICE.first(organisation.pk)}


# On every strategy page: compiled once (web/prepared.py).
_CHOICE = Prepared(lambda pk: VisionChoice.objects.filter(organisation_id=pk)
                   .select_related("scenario").order_by("pk")[:1])
