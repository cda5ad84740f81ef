"""The ranking chart of the comparison page: one horizontal bar per municipality."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from sousei.reports.palette import OKABE_ITO

ROW = 16
LABEL = 110
WIDTH = 760


def ranking_svg(rows: list[tuple[str, float | None, bool]], title: str,
                text: list[str]) -> SafeString:
    """Bars from a zero line for ``rows`` (name, value, highlighted); ``text`` are the values
    as printed beside each bar (△ negatives, %). Areas without a figure get no bar."""
    values = [v for _, v, _ in rows if v is not None]
    top, bottom = max(max(values, default=0.0), 0.0), min(min(values, default=0.0), 0.0)
    span = (top - bottom) or 1.0
    inner = WIDTH - LABEL - 70

    def x(v: float) -> float:
        return LABEL + (v - bottom) / span * inner

    height = ROW * len(rows) + 30
    zero = x(0.0)
    bars = []
    for i, ((name, value, marked), shown) in enumerate(zip(rows, text, strict=True)):
        y = 20 + i * ROW
        colour = OKABE_ITO[1] if marked else OKABE_ITO[4]
        weight = "bold" if marked else "normal"
        bars.append(format_html(
            '<text x="{}" y="{}" font-size="11" text-anchor="end" font-weight="{}">{}</text>',
            LABEL - 6, y + 11, weight, name))
        if value is not None:
            left, right = sorted((zero, x(value)))
            bars.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{} {}</title></rect>'
                '<text x="{}" y="{}" font-size="10">{}</text>',
                f"{left:.1f}", y + 2, f"{max(right - left, 0.5):.1f}", ROW - 4, colour, name,
                shown, f"{right + 4:.1f}", y + 11, shown))
    return format_html(
        '<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%">'
        '<line x1="{}" y1="14" x2="{}" y2="{}" stroke="#000"/>{}</svg>',
        title, WIDTH, height, f"{zero:.1f}", f"{zero:.1f}", height - 6,
        format_html_join("", "{}", ((bar,) for bar in bars)))
