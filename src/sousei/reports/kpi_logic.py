"""The logic model in the KPI report: the diagram (施策 -> アウトプット -> アウトカム -> インパクト)
as the national strategy draws it, each indicator with its grade, and a table of every
indicator's trend (the linked KPI's actuals) beside the measures behind it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from matplotlib.figure import Figure

from sousei.japanese import format_era_short, format_number
from sousei.reports.charts import Chart, render
from sousei.reports.html import Section
from sousei.reports.table import Cell, ReportTable
from sousei.strategy.logic_model import LEVEL_LABELS, Level, LogicModel

HEADINGS = ("施策", "アウトプット", "アウトカム", "インパクト")


@dataclass(frozen=True)
class IndicatorStatus:
    """What the evaluation says of one indicator: its linked KPI's grade and actuals."""

    grade: str | None = None  # None without a KPI or while pending
    trend: tuple[tuple[int, float], ...] = ()  # (fiscal year, actual), oldest first


def _short(text: str, size: int = 14) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _columns(model: LogicModel, status: Mapping[str, IndicatorStatus]) -> list[list[tuple]]:
    columns: list[list[tuple[str, str]]] = [[] for _ in HEADINGS]
    for measure in dict.fromkeys(m for m, _ in model.measure_links):
        columns[0].append((f"m:{measure}", _short(measure)))
    for ind in sorted(model.indicators, key=lambda i: i.code):
        grade = status.get(ind.code, IndicatorStatus()).grade
        label = f"{ind.code} {_short(ind.name)}" + (f"\n評価 {grade}" if grade else "")
        columns[int(ind.level)].append((ind.code, label))
    return columns


def logic_chart(model: LogicModel, status: Mapping[str, IndicatorStatus]) -> Chart:
    """Four columns of boxes with an arrow for each contribution (lower to higher)."""
    columns = _columns(model, status)
    rows = max((len(c) for c in columns), default=1)

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        ax.set_xlim(-0.5, len(HEADINGS) - 0.5)
        ax.set_ylim(rows - 0.4, -0.9)
        ax.axis("off")
        where: dict[str, tuple[float, float]] = {}
        for c, items in enumerate(columns):
            ax.text(c, -0.7, HEADINGS[c], ha="center", fontsize=9)
            for r, (key, label) in enumerate(items):
                where[key] = (c, r)
                ax.text(c, r, label, ha="center", va="center", fontsize=7,
                        bbox={"boxstyle": "round", "fc": "white", "ec": "#1f4e79"})
        pairs = [(f"m:{m}", code) for m, code in model.measure_links] + list(model.links)
        for low, high in pairs:
            if low in where and high in where:
                (x0, y0), (x1, y1) = where[low], where[high]
                ax.annotate("", xy=(x1 - 0.36, y1), xytext=(x0 + 0.36, y0),
                            arrowprops={"arrowstyle": "->", "color": "#555555", "lw": 0.8})

    return render("ロジックモデル", "ロジックモデル", draw, size=(7.0, 1.0 + 0.55 * rows))


def _trend(points: tuple[tuple[int, float], ...]) -> str:
    return " → ".join(f"{format_era_short(fy)} {format_number(v)}" for fy, v in points) or "—"


def logic_table(model: LogicModel, status: Mapping[str, IndicatorStatus]) -> ReportTable:
    headers = ("段階", "指標コード", "指標名", "単位", "推移(実績値)", "評価", "施策")
    body = []
    for ind in sorted(model.indicators, key=lambda i: (-int(i.level), i.code)):
        found = status.get(ind.code, IndicatorStatus())
        measures = "、".join(model.measures_for(ind.code)) or "—"
        body.append((Cell(LEVEL_LABELS[Level(ind.level)], nowrap=True), Cell(ind.code),
                     Cell(ind.name), Cell(ind.unit), Cell(_trend(found.trend)),
                     Cell(found.grade or "—"), Cell(measures)))
    notes = ("※評価と推移は、指標に対応づけたKPIの評価と実績値です。",)
    problems = model.check()
    if problems:
        notes += tuple(f"※つながりの問題: {p}" for p in problems)
    return ReportTable("ロジックモデル", "ロジックモデルの指標", (tuple(Cell(h) for h in headers),),
                       tuple(body), notes)


def logic_section(model: LogicModel | None,
                  status: Mapping[str, IndicatorStatus]) -> Section | None:
    """The report's logic model section, or None when the strategy has none."""
    if model is None or not model.indicators:
        return None
    text = ("施策の成果(アウトプット)が中間的な成果(アウトカム)を経て最終的な成果(インパクト)に"
            "つながる道筋と、各指標の評価です。",)
    return Section("logic", "ロジックモデル", text,
                   (logic_chart(model, status), logic_table(model, status)))
