"""`{% vision_summary organisation %}`: the 将来展望 line on the strategy pages."""

from __future__ import annotations

from django import template

from sousei.web.vision.models import VisionChoice

register = template.Library()


@register.inclusion_tag("vision/_summary.html")
def vision_summary(organisation) -> dict:
    choice = (VisionChoice.objects.filter(organisation=organisation)
              .select_related("scenario").first())
    return {"organisation": organisation, "choice": choice}
