"""A small inline SVG of a KPI's actuals against the straight target path.

Server-rendered so the page needs no chart library; the path runs from the baseline (value,
year) to the target (value, year), and each fiscal year with a number gets a point.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from sousei.japanese import format_era_short, format_number

WIDTH, HEIGHT, PAD = 480, 200, 36


def _scale(lo: float, hi: float, size: float, flip: bool) -> object:
    span = (hi - lo) or 1.0

    def to_px(v: float) -> float:
        ratio = (v - lo) / span
        return PAD + (1 - ratio if flip else ratio) * (size - 2 * PAD)

    return to_px


def _plain(value: float) -> str:
    """1,234.5 with no trailing zeros, for a point's tooltip."""
    text = format_number(value, 2)
    return text.rstrip("0").rstrip(".") if "." in text else text


def kpi_chart_svg(kpi: object, actuals: Iterable[object], plan_years: list[int]) -> SafeString:
    points = sorted(
        (a.fiscal_year, float(a.value)) for a in actuals if a.value is not None  # type: ignore[attr-defined]
    )
    path: list[tuple[int, float]] = []
    if kpi.baseline is not None and kpi.baseline_year:  # type: ignore[attr-defined]
        path.append((kpi.baseline_year, float(kpi.baseline)))  # type: ignore[attr-defined]
    if kpi.target_value is not None and kpi.target_year:  # type: ignore[attr-defined]
        path.append((kpi.target_year, float(kpi.target_value)))  # type: ignore[attr-defined]
    years = [y for y, _ in points + path] + plan_years
    values = [v for _, v in points + path]
    if not values:
        return mark_safe("")  # nothing to draw yet; the table says so
    x = _scale(min(years), max(years), WIDTH, flip=False)
    low, high = min(values), max(values)
    margin = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
    y = _scale(low - margin, high + margin, HEIGHT, flip=True)
    target_line = ""
    if len(path) == 2:
        (y0, v0), (y1, v1) = path
        target_line = format_html(
            '<line class="target-path" x1="{}" y1="{}" x2="{}" y2="{}" stroke="#888" '
            'stroke-dasharray="4 3"/>', *(f"{c:.1f}" for c in (x(y0), y(v0), x(y1), y(v1))))
    actual_line = format_html(
        '<polyline class="actuals" fill="none" stroke="#1f4e79" stroke-width="2" points="{}"/>',
        " ".join(f"{x(fy):.1f},{y(v):.1f}" for fy, v in points))
    dots = format_html_join(
        "", '<circle cx="{}" cy="{}" r="3" fill="#1f4e79"><title>{} {}</title></circle>',
        ((f"{x(fy):.1f}", f"{y(v):.1f}", format_era_short(fy), _plain(v)) for fy, v in points))
    labels = format_html_join(
        "", '<text x="{}" y="{}" font-size="11" text-anchor="middle">{}</text>',
        ((f"{x(fy):.1f}", HEIGHT - 8, format_era_short(fy)) for fy in sorted(set(years))))
    return format_html(
        '<svg class="kpi-chart" role="img" aria-label="実績値と目標への推移" '
        'width="{}" height="{}" viewBox="0 0 {} {}">{}{}{}{}</svg>',
        WIDTH, HEIGHT, WIDTH, HEIGHT, target_line, actual_line, dots, labels)
