"""Template filters for Japanese display, delegating to `sousei.japanese`."""

from __future__ import annotations

from decimal import Decimal

from django import template

from sousei.japanese import format_era_short, format_fiscal_year, format_number

register = template.Library()


@register.filter
def fy(year: int | None) -> str:
    """2025 -> 令和7年度."""
    return format_fiscal_year(int(year)) if year else ""


@register.filter
def fy_short(year: int | None) -> str:
    """2025 -> R7."""
    return format_era_short(int(year)) if year else ""


@register.filter
def num(value: Decimal | float | None) -> str:
    """1825 -> 1,825; -1825 -> △1,825; keeps the decimals the value was entered with."""
    if value is None or value == "":
        return "—"
    decimals = 0
    if isinstance(value, Decimal):
        normalised = value.normalize()
        decimals = max(0, -normalised.as_tuple().exponent)  # type: ignore[operator]
    elif isinstance(value, float) and not value.is_integer():
        decimals = 1
    return format_number(float(value), decimals)
