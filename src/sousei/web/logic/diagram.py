"""The logic model drawn as the national strategy draws it: measures, outputs, outcomes and
impacts in four columns, a line for each contribution, each box with its grade."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from sousei.strategy.logic_model import LogicModel
from sousei.web.logic.convert import IndicatorView

COLUMN = 230
BOX_W, BOX_H, GAP = 200, 40, 12
HEADINGS = ("施策", "アウトプット", "アウトカム", "インパクト")


def _short(text: str, size: int = 15) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def logic_svg(model: LogicModel, views: list[IndicatorView]) -> SafeString:
    grades = {v.row.code: v.grade for v in views}
    columns: list[list[tuple[str, str]]] = [[] for _ in HEADINGS]  # (key, label)
    for measure in dict.fromkeys(m for m, _ in model.measure_links):
        columns[0].append((f"m:{measure}", measure))
    for ind in model.indicators:
        grade = grades.get(ind.code)
        label = f"{ind.code} {ind.name}" + (f" [{grade}]" if grade else "")
        columns[int(ind.level)].append((ind.code, label))
    where: dict[str, tuple[float, float]] = {}
    boxes = []
    for c, items in enumerate(columns):
        boxes.append(format_html('<text x="{}" y="16" font-size="13" font-weight="bold">{}</text>',
                                 10 + c * COLUMN, HEADINGS[c]))
        for i, (key, label) in enumerate(items):
            x, y = 10 + c * COLUMN, 28 + i * (BOX_H + GAP)
            where[key] = (x, y)
            boxes.append(format_html(
                '<g><rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="#fff" stroke="#1f4e79"/>'
                '<text x="{}" y="{}" font-size="11"><title>{}</title>{}</text></g>',
                x, y, BOX_W, BOX_H, x + 6, y + 24, label, _short(label)))
    pairs = [(f"m:{m}", code) for m, code in model.measure_links] + list(model.links)
    lines = [format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#555" '
                         'marker-end="url(#arrow)"/>',
                         where[a][0] + BOX_W, where[a][1] + BOX_H / 2, where[b][0],
                         where[b][1] + BOX_H / 2)
             for a, b in pairs if a in where and b in where]
    rows = max((len(items) for items in columns), default=0)
    height = 40 + rows * (BOX_H + GAP)
    return format_html(
        '<svg class="chart" role="img" aria-label="ロジックモデル" viewBox="0 0 {} {}" '
        'width="100%"><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#555"/></marker></defs>{}{}</svg>',
        len(HEADINGS) * COLUMN, height, format_html_join("", "{}", ((b,) for b in boxes)),
        format_html_join("", "{}", ((line,) for line in lines)))
