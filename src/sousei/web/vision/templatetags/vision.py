"""`{% vision_summary organisation %}`: the 将来展望 line on the strategy pages."""

from __future__ import annotations

from django import template

from sousei.web.vision.choices import vision_choice

register = template.Library()


@register.inclusion_tag("vision/_summary.html")
def vision_summary(organisation) -> dict:
    return {"organisation": organisation, "choice": vision_choice(organisation)}

