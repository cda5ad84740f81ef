"""Inline SVG charts (no chart library): scenario totals as lines, the pyramid as bars.

Each chart sits next to its table on the page; the table carries the exact figures.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

COLOURS = ("#1f4e79", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#4bacc6", "#7f7f7f",
           "#d99694", "#558ed5", "#b3a2c7", "#000000")
WIDTH, HEIGHT, PAD = 560, 240, 40


def lines_svg(years: list[int], series: dict[str, list[float]]) -> SafeString:
    """One line per scenario over the projection years (y axis from 0)."""
    top = max((max(v) for v in series.values() if v), default=1.0) or 1.0

    def x(i: int) -> float:
        return PAD + i * (WIDTH - 2 * PAD) / max(len(years) - 1, 1)

    def y(v: float) -> float:
        return HEIGHT - PAD - v / top * (HEIGHT - 2 * PAD)

    paths = []
    for k, (label, values) in enumerate(series.items()):
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        colour = COLOURS[k % len(COLOURS)]
        paths.append(format_html(
            '<polyline fill="none" stroke="{}" stroke-width="2" points="{}"><title>{}</title>'
            "</polyline>", colour, points, label))
    ticks = format_html_join("", '<text x="{}" y="{}" font-size="10" text-anchor="middle">{}</text>',
                             ((f"{x(i):.1f}", HEIGHT - PAD + 14, year)
                              for i, year in enumerate(years) if i % 2 == 0))
    legend = format_html_join("", '<text x="{}" y="{}" font-size="11" fill="{}">{}</text>',
                              ((PAD + 8, 14 + 13 * k, COLOURS[k % len(COLOURS)], label)
                               for k, label in enumerate(series)))
    return format_html('<svg role="img" aria-label="総人口の推移" width="{}" height="{}" '
                       'viewBox="0 0 {} {}">{}{}{}</svg>', WIDTH, HEIGHT, WIDTH, HEIGHT,
                       mark_safe("".join(paths)), ticks, legend)


def pyramid_svg(rows: list[dict]) -> SafeString:
    """Bars per age group, men left and women right, Japanese and foreign stacked."""
    top = max((r["male"] + r["male_foreign"] for r in rows), default=1.0)
    top = max(top, max((r["female"] + r["female_foreign"] for r in rows), default=1.0)) or 1.0
    half, bar = WIDTH / 2, 12
    height = bar * len(rows) + 20
    parts = []
    for i, row in enumerate(reversed(rows)):
        y = 4 + i * bar
        scale = (half - 40) / top
        m, mf = row["male"] * scale, row["male_foreign"] * scale
        f, ff = row["female"] * scale, row["female_foreign"] * scale
        parts.append(format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="#558ed5"/>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="#f79646"/>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="#d99694"/>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="#f79646"/>'
            '<text x="{}" y="{}" font-size="9" text-anchor="middle">{}</text>',
            f"{half - 20 - m:.1f}", y, f"{m:.1f}", bar - 2,
            f"{half - 20 - m - mf:.1f}", y, f"{mf:.1f}", bar - 2,
            half + 20, y, f"{f:.1f}", bar - 2,
            f"{half + 20 + f:.1f}", y, f"{ff:.1f}", bar - 2,
            half, y + 9, row["age"]))
    return format_html('<svg role="img" aria-label="人口ピラミッド" width="{}" height="{}" '
                       'viewBox="0 0 {} {}">{}</svg>', WIDTH, height, WIDTH, height,
                       mark_safe("".join(parts)))
