"""Template filters for grade badges and bars (see sousei.web.strategies.grade_display)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django import template

from sousei.web.strategies import grade_display

register = template.Library()


@register.filter
def grade_tone(symbol: str | None, symbols: Sequence[str]) -> str:
    """`{{ k.grade|grade_tone:result.symbols }}` -> good / mid / bad / none (a CSS class suffix)."""
    return grade_display.grade_tone(symbol, symbols)


@register.filter
def grade_segments(summary: Mapping[str, object], symbols: Sequence[str]) -> list[dict[str, object]]:
    """The segments of one goal's stacked ○△× bar."""
    return grade_display.grade_segments(summary, symbols)
