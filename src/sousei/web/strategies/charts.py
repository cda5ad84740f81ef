"""An inline SVG of a KPI's actuals against the straight target path (the KPI's trend chart).

Server-rendered so the page needs no chart library; the path runs from the baseline (value,
year) to the target (value, year), and each fiscal year with a number gets a point. The y axis
carries values with the KPI's unit and a legend names both lines, so the chart reads alone; it
scales to the content width (viewBox, no fixed width). Colours are the デジタル庁デザインシステム
tokens of static/sousei/tokens.css (blue-900 for the actuals, solid-gray-700 for the target).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from sousei.japanese import format_era_short, format_number
from sousei.web.axis import ticks
from sousei.web.vision.charts import kept_by_input

WIDTH, HEIGHT, PAD = 960, 320, 48
LEFT = 96  # room for the y axis values
ACTUAL, TARGET, GRID = "#0017c1", "#4d4d4d", "#cccccc"


def _scale(lo: float, hi: float, start: float, end: float, flip: bool) -> object:
    span = (hi - lo) or 1.0

    def to_px(v: float) -> float:
        ratio = (v - lo) / span
        return start + (1 - ratio if flip else ratio) * (end - start)

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
    return _drawn(points, path, list(plan_years), str(getattr(kpi, "unit", "") or ""),
                  str(getattr(kpi, "name", "")))


@kept_by_input  # the save form and its answer draw the same chart again (web/vision/charts.py)
def _drawn(points: list[tuple[int, float]], path: list[tuple[int, float]], plan_years: list[int],
           unit: str, name: str) -> SafeString:
    years = [y for y, _ in points + path] + plan_years
    values = [v for _, v in points + path]
    if not values:
        return mark_safe("")  # nothing to draw yet; the table says so
    x = _scale(min(years), max(years), LEFT, WIDTH - PAD, flip=False)
    low, high = min(values), max(values)
    margin = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
    bottom, top = low - margin, high + margin
    if low >= 0:
        bottom = max(bottom, 0.0)
    y = _scale(bottom, top, PAD, HEIGHT - PAD, flip=True)
    grid = format_html_join(
        "", '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="' + GRID + '"/>'
        '<text class="y-tick" x="{}" y="{}" font-size="16" text-anchor="end" fill="#333333">{}</text>',
        ((LEFT, f"{y(v):.1f}", WIDTH - PAD, f"{y(v):.1f}", LEFT - 8, f"{y(v) + 5:.1f}", _plain(v))
         for v in ticks(bottom, top)))
    unit_label = format_html('<text x="{}" y="{}" font-size="16" text-anchor="end" fill="#333333">'
                             '({})</text>', LEFT - 8, PAD - 16, unit) if unit else ""
    target_line = ""
    if len(path) == 2:
        (y0, v0), (y1, v1) = path
        target_line = format_html(
            '<line class="target-path" x1="{}" y1="{}" x2="{}" y2="{}" stroke="' + TARGET + '" '
            'stroke-width="2" stroke-dasharray="8 6"/>',
            *(f"{c:.1f}" for c in (x(y0), y(v0), x(y1), y(v1))))
    actual_line = format_html(
        '<polyline class="actuals" fill="none" stroke="' + ACTUAL + '" stroke-width="3" '
        'points="{}"/>', " ".join(f"{x(fy):.1f},{y(v):.1f}" for fy, v in points))
    dots = format_html_join(
        "", '<circle cx="{}" cy="{}" r="5" fill="' + ACTUAL + '"><title>{} {}</title></circle>',
        ((f"{x(fy):.1f}", f"{y(v):.1f}", format_era_short(fy), _plain(v)) for fy, v in points))
    labels = format_html_join(
        "", '<text class="x-tick" x="{}" y="{}" font-size="16" text-anchor="middle" '
        'fill="#333333">{}</text>',
        ((f"{x(fy):.1f}", HEIGHT - 16, format_era_short(fy)) for fy in sorted(set(years))))
    legend = format_html(
        '<g class="legend" font-size="16" fill="#333333">'
        '<line x1="{}" y1="16" x2="{}" y2="16" stroke="' + ACTUAL + '" stroke-width="3"/>'
        '<text x="{}" y="21">実績値</text>'
        '<line x1="{}" y1="16" x2="{}" y2="16" stroke="' + TARGET + '" stroke-width="2" '
        'stroke-dasharray="8 6"/><text x="{}" y="21">基準値から目標値への道筋</text></g>',
        LEFT, LEFT + 32, LEFT + 40, LEFT + 120, LEFT + 152, LEFT + 160)
    return format_html(
        '<figure class="chart kpi-trend"><svg class="kpi-chart" role="img" '
        'aria-label="{}の実績値と目標への推移" viewBox="0 0 {} {}" '
        'preserveAspectRatio="xMidYMid meet">{}{}{}{}{}{}{}</svg></figure>',
        name, WIDTH, HEIGHT, grid, unit_label, target_line, actual_line,
        dots, labels, legend)
