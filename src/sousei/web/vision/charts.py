"""Inline SVG charts (no chart library): lines over years, the pyramid, stacked bars.

Each chart sits next to its table on the page; the table carries the exact figures. Colours
are the reports' Okabe-Ito palette, so a scenario has the same colour on screen and on paper.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import numpy as np
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from sousei.japanese import format_number
from sousei.reports.palette import FEMALE, FOREIGN, MALE, OKABE_ITO
from sousei.web.axis import ticks

COLOURS = OKABE_ITO
WIDTH, HEIGHT, PAD = 560, 240, 40
LEFT = 60  # bar charts: room for the y axis values (e.g. 300,000)
INK, GRID = "#333333", "#cccccc"  # DADS solid-gray-800 text, solid-gray-200 grid lines


Band = tuple[list[float | None], list[float | None]]
F = TypeVar("F", bound=Callable[..., SafeString])
KEPT = 128  # charts per worker and function (a chart is 2-20 KB)


def _frozen(value: Any) -> Any:
    """A hashable copy of a chart's input that tells apart everything the chart could
    draw differently: container kinds and order, value types (1 and 1.0), array bytes."""
    if isinstance(value, dict):
        return ("dict", tuple((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return (type(value).__name__, tuple(_frozen(v) for v in value))
    if isinstance(value, np.ndarray):
        return ("ndarray", value.dtype.str, value.shape, value.tobytes())
    return (type(value).__name__, value)


def kept_by_input(chart: F) -> F:
    """The same SVG for the same input without drawing it again: the charts are pure
    functions of their arguments, and the 現状分析 page drew four of them (a fifth of its
    time) from figures that change only with an upload. Kept per worker, the oldest
    dropped first; the key is the whole input, so there is nothing to invalidate."""
    kept: dict[Any, SafeString] = {}
    lock = threading.Lock()

    @wraps(chart)
    def drawn(*args: Any, **kwargs: Any) -> SafeString:
        key = (_frozen(args), _frozen(kwargs))
        try:
            hash(key)
        except TypeError:  # an input of a kind not foreseen: drawn, not kept
            return chart(*args, **kwargs)
        with lock:
            svg = kept.get(key)
        if svg is None:
            svg = chart(*args, **kwargs)
            with lock:
                while len(kept) >= KEPT:
                    kept.pop(next(iter(kept)))
                kept[key] = svg
        return svg

    return drawn  # type: ignore[return-value]


@kept_by_input
def lines_svg(
    years: list[int] | list[str], series: dict[str, list[float | None]], label: str = "総人口の推移",
    every: int = 2, bands: dict[str, Band] | None = None,
) -> SafeString:
    """One line per series over the years (y axis from 0, or from the lowest value below 0
    with a zero line, e.g. net migration by age); a None breaks the line there. ``bands``
    (name -> lower, upper per year) are shaded behind the lines in the first line's colour,
    widest first (the 95% band under the 80% band)."""
    bands = bands or {}
    known = [v for vs in series.values() for v in vs if v is not None]
    known += [v for pair in bands.values() for vs in pair for v in vs if v is not None]
    bottom = min(min(known, default=0.0), 0.0)
    top = max(known, default=1.0) or (0.0 if bottom < 0 else 1.0)
    span = (top - bottom) or 1.0

    numeric = bool(years) and all(isinstance(year, int) for year in years)
    if numeric:  # a series with yearly points after 5-yearly ones keeps the time scale
        first, last = years[0], years[-1]
        share = [(year - first) / ((last - first) or 1) for year in years]
    else:
        share = [i / max(len(years) - 1, 1) for i in range(len(years))]

    def x(i: int) -> float:
        return PAD + share[i] * (WIDTH - 2 * PAD)

    if numeric:
        step = 10 if years[-1] - years[0] > 30 else 5
        shown = [i for i, year in enumerate(years) if year % step == 0]
    else:
        shown = [i for i in range(len(years)) if i % every == 0]

    def y(v: float) -> float:
        return HEIGHT - PAD - (v - bottom) / span * (HEIGHT - 2 * PAD)

    paths = [_band_path(name, pair, x, y, k) for k, (name, pair) in
             enumerate(sorted(bands.items(), key=lambda item: -_width(item[1])))]
    if bottom < 0:
        paths.append(format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#777" '
                                 'stroke-dasharray="3 3"/>', PAD, f"{y(0):.1f}", WIDTH - PAD,
                                 f"{y(0):.1f}"))
    for k, (name, values) in enumerate(series.items()):
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values) if v is not None)
        colour = COLOURS[k % len(COLOURS)]
        paths.append(format_html(
            '<polyline fill="none" stroke="{}" stroke-width="2" points="{}"><title>{}</title>'
            "</polyline>", colour, points, name))
    ticks_svg = format_html_join(
        "", '<text x="{}" y="{}" font-size="10" text-anchor="middle">{}</text>',
        ((f"{x(i):.1f}", HEIGHT - PAD + 14, years[i]) for i in shown))
    # Round values (about five) with faint grid lines: a chart reads alone only with values on
    # its axis; the table beside it has the exact figures.
    levels = ticks(bottom, top)
    digits = next((d for d in (0, 1, 2) if all(abs(v * 10**d - round(v * 10**d)) < 1e-9
                                                 for v in levels)), 2)
    paths.insert(0, format_html_join(
        "", '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="' + GRID + '"/>',
        ((PAD, f"{y(v):.1f}", WIDTH - PAD, f"{y(v):.1f}") for v in levels)))
    ticks_svg += format_html_join(
        "", '<text class="y-tick" x="{}" y="{}" font-size="9" text-anchor="end">{}</text>',
        ((PAD - 4, f"{y(v) + 3:.1f}", format_number(v, digits)) for v in levels))
    # The legend sits under the axis, four entries a row, so it never covers a line.
    per_row, rows = 4, (len(series) + 3) // 4
    # A coloured stroke and dark text: coloured text alone is too pale to read.
    legend = format_html_join(
        "", '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="3"/>'
        '<text x="{}" y="{}" font-size="11" fill="' + INK + '">{}</text>',
        ((f"{lx:.1f}", ly - 4, f"{lx + 14:.1f}", ly - 4, COLOURS[k % len(COLOURS)],
          f"{lx + 18:.1f}", ly, name)
         for k, name in enumerate(series)
         for lx, ly in [(PAD + (k % per_row) * (WIDTH - 2 * PAD) / per_row,
                         HEIGHT + 4 + 14 * (k // per_row))]))
    height = HEIGHT + 8 + 14 * rows
    return format_html('<svg role="img" aria-label="{}" width="{}" height="{}" '
                       'viewBox="0 0 {} {}"><title>{}</title>{}{}{}</svg>', label, WIDTH, height,
                       WIDTH, height, label, mark_safe("".join(paths)), ticks_svg, legend)


def _width(pair: Band) -> float:
    return sum((hi or 0.0) - (lo or 0.0) for lo, hi in zip(*pair, strict=True))


def _band_path(name: str, pair: Band, x, y, k: int) -> SafeString:
    """A shaded polygon from the lower bounds left to right and the upper bounds back."""
    lower, upper = pair
    known = [i for i, (lo, hi) in enumerate(zip(lower, upper, strict=True))
             if lo is not None and hi is not None]
    outline = [(x(i), y(lower[i])) for i in known] + [(x(i), y(upper[i])) for i in reversed(known)]
    points = " ".join(f"{px:.1f},{py:.1f}" for px, py in outline)
    return format_html('<polygon class="band" fill="{}" fill-opacity="{}" stroke="none" '
                       'points="{}"><title>{}</title></polygon>', COLOURS[0],
                       "0.15" if k == 0 else "0.25", points, name)


@kept_by_input
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
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
            '<text x="{}" y="{}" font-size="9" text-anchor="middle">{}</text>',
            f"{half - 20 - m:.1f}", y, f"{m:.1f}", bar - 2, MALE,
            f"{half - 20 - m - mf:.1f}", y, f"{mf:.1f}", bar - 2, FOREIGN,
            half + 20, y, f"{f:.1f}", bar - 2, FEMALE,
            f"{half + 20 + f:.1f}", y, f"{ff:.1f}", bar - 2, FOREIGN,
            half, y + 9, row["age"]))
    # Persons on both sides of the axis at round values, so the bars can be read alone.
    scale, base = (half - 40) / top, 4 + len(rows) * bar
    marks = ticks(0.0, top)
    parts.append(format_html_join(
        "", '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="' + GRID + '"/>'
        '<text class="x-tick" x="{}" y="{}" font-size="9" text-anchor="middle">{}</text>',
        ((f"{px:.1f}", base, f"{px:.1f}", base + 3, f"{px:.1f}", base + 12, format_number(v))
         for v in marks for px in dict.fromkeys((half - 20 - v * scale, half + 20 + v * scale)))))
    height += 12
    return format_html('<svg role="img" aria-label="人口ピラミッド" width="{}" height="{}" '
                       'viewBox="0 0 {} {}"><title>人口ピラミッド(男性: 左、女性: 右、外国人: 橙、'
                       '横軸: 人)</title>{}</svg>', WIDTH, height, WIDTH, height,
                       mark_safe("".join(parts)))


def _y_axis(y, low: float, high: float) -> SafeString:
    """Grid lines and values at round steps from low to high (y maps a value to pixels)."""
    return format_html_join(
        "", '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="' + GRID + '"/>'
        '<text class="y-tick" x="{}" y="{}" font-size="10" text-anchor="end" fill="' + INK
        + '">{}</text>',
        ((LEFT, f"{y(v):.1f}", WIDTH - PAD, f"{y(v):.1f}", LEFT - 4, f"{y(v) + 3:.1f}",
          format_number(v)) for v in ticks(low, high)))


def _bars_svg(label: str, parts: list[str], names: list[str], axis: SafeString) -> SafeString:
    """The frame of a bar chart: its accessible name, the y axis behind the bars and a legend
    of coloured squares with dark text on top (coloured text would be too pale to read)."""
    legend = format_html_join(
        "", '<rect x="{}" y="4" width="12" height="12" fill="{}"/>'
        '<text x="{}" y="15" font-size="12" fill="' + INK + '">{}</text>',
        ((LEFT + 150 * k, OKABE_ITO[(k + 5) % len(OKABE_ITO)], LEFT + 150 * k + 16, name)
         for k, name in enumerate(names)))
    return format_html('<svg role="img" aria-label="{}" width="{}" height="{}" '
                       'viewBox="0 0 {} {}"><title>{}</title>{}{}{}</svg>', label, WIDTH, HEIGHT,
                       WIDTH, HEIGHT, label, axis, mark_safe("".join(parts)), legend)


@kept_by_input
def stacked_bars_svg(labels: list[str], series: dict[str, list[float]], label: str) -> SafeString:
    """One bar per label with the series stacked (e.g. three age groups per census year)."""
    totals = [sum(vs[i] for vs in series.values()) for i in range(len(labels))]
    top = max(totals, default=1.0) or 1.0
    step = (WIDTH - LEFT - PAD) / max(len(labels), 1)
    parts = []
    for i, name in enumerate(labels):
        base = HEIGHT - PAD
        for k, (key, values) in enumerate(series.items()):
            h = values[i] / top * (HEIGHT - 2 * PAD)
            base -= h
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{} {} {}</title></rect>',
                f"{LEFT + i * step + step * 0.15:.1f}", f"{base:.1f}", f"{step * 0.7:.1f}",
                f"{h:.1f}", OKABE_ITO[(k + 5) % len(OKABE_ITO)], name, key,
                format_number(values[i])))
        parts.append(format_html('<text x="{}" y="{}" font-size="10" text-anchor="middle">{}</text>',
                                 f"{LEFT + (i + 0.5) * step:.1f}", HEIGHT - PAD + 14, name))
    axis = _y_axis(lambda v: HEIGHT - PAD - v / top * (HEIGHT - 2 * PAD), 0.0, top)
    return _bars_svg(label, parts, list(series), axis)


@kept_by_input
def signed_bars_svg(labels: list[str], series: dict[str, list[float]], label: str) -> SafeString:
    """Bars side by side per label around a zero line, for changes that go both ways
    (自然増減 and 社会増減 per year): a fall is drawn below the line."""
    values = [v for vs in series.values() for v in vs]
    top = max(max(values, default=0.0), 0.0)
    bottom = min(min(values, default=0.0), 0.0)
    span = (top - bottom) or 1.0

    def y(v: float) -> float:
        return PAD + (top - v) / span * (HEIGHT - 2 * PAD)

    step = (WIDTH - LEFT - PAD) / max(len(labels), 1)
    width = step * 0.8 / max(len(series), 1)
    parts = [format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#000"/>',
                         LEFT, f"{y(0):.1f}", WIDTH - PAD, f"{y(0):.1f}")]
    for i, name in enumerate(labels):
        for k, (key, vs) in enumerate(series.items()):
            v = vs[i]
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{} {} {}</title></rect>',
                f"{LEFT + i * step + step * 0.1 + k * width:.1f}", f"{min(y(v), y(0)):.1f}",
                f"{width:.1f}", f"{abs(y(v) - y(0)):.1f}", OKABE_ITO[(k + 5) % len(OKABE_ITO)],
                name, key, format_number(v)))
        if len(labels) <= 12 or i % 2 == 0:
            parts.append(format_html(
                '<text x="{}" y="{}" font-size="10" text-anchor="middle">{}</text>',
                f"{LEFT + (i + 0.5) * step:.1f}", HEIGHT - PAD + 14, name))
    return _bars_svg(label, parts, list(series), _y_axis(y, bottom, top))
