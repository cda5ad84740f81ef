"""Optional 人口ビジョン sections: moves by origin/destination and foreign residents.

They appear only when the user gives the tables (``sousei report vision --moves/--foreign``),
built from the same analysis as the web page (``sousei.vision.moves``/``foreign``), so a
report without them is unchanged. Ranks, 転入数, 転出数, 増減 and shares as the chapter prints
them; the bar charts draw the same figures as the tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from sousei.japanese import format_year_prose
from sousei.reports.charts import Chart, color, render, thousands
from sousei.reports.html import Section
from sousei.reports.table import Cell, ReportTable
from sousei.vision.foreign import ForeignSummary, Group, Trend, summarise_foreign, trend
from sousei.vision.moves import Flow, MoveSummary, RankedFlow, summarise_moves

GAIN, LOSS = color(5), color(6)  # blue for net in, vermillion for net out
MOVE_HEADER = ("順位", "相手先", "転入数", "転出数", "増減", "転入に占める割合", "転出に占める割合")


def _ranked_table(key: str, title: str, rows: list[RankedFlow],
                  notes: tuple[str, ...]) -> ReportTable:
    body = tuple((Cell(r.rank, "year"), Cell(r.flow.name, emphasis=True),
                  Cell(r.flow.in_moves, "count"), Cell(r.flow.out_moves, "count"),
                  Cell(r.flow.net, "count"), Cell(r.in_share, "percent"),
                  Cell(r.out_share, "percent")) for r in rows)
    return ReportTable(key, title, (tuple(Cell(h) for h in MOVE_HEADER),),
                       body or ((Cell("—"), Cell("該当なし"), *[Cell(None, "count")] * 5),),
                       notes, unit="人")


def _flow_table(key: str, title: str, flows: list[Flow], notes: tuple[str, ...]) -> ReportTable:
    header = tuple(Cell(h) for h in ("区分", "転入数", "転出数", "増減"))
    body = tuple((Cell(f.name, emphasis=True), Cell(f.in_moves, "count"),
                  Cell(f.out_moves, "count"), Cell(f.net, "count")) for f in flows)
    return ReportTable(key, title, (header,), body, notes, unit="人")


def _net_chart(key: str, title: str, rows: list[RankedFlow]) -> Chart:
    names = [r.flow.name for r in rows]
    nets = [r.flow.net for r in rows]

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        ax.barh(names[::-1], nets[::-1], color=[GAIN if v > 0 else LOSS for v in nets[::-1]])
        ax.axvline(0, color="black", linewidth=0.8)
        ax.xaxis.set_major_formatter(FuncFormatter(thousands))
        ax.set_xlabel("増減(人、転入超過が正)")
        ax.set_title(title)

    return render(key, title, draw, size=(7.0, max(2.5, 0.3 * len(rows) + 1.2)))


def moves_section(summary: MoveSummary, name: str, source: str) -> Section:
    """Ranked net in / net out by prefecture (and 国外), municipal partners, metropolitan areas."""
    year = format_year_prose(summary.year)
    total = summary.total
    paragraphs = (
        f"{year}の転入は{total.in_moves:,}人、転出は{total.out_moves:,}人で、"
        f"{'転入超過' if total.net >= 0 else '転出超過'}は{abs(total.net):,}人です。"
        "転入超過・転出超過の多い相手先(都道府県・国外)は次のとおりです。",
    )
    ranked = (*summary.net_in, *summary.net_out)
    notes = ("※割合は転入・転出全体(総数)に占める割合です。", f"出典: {source}")
    blocks: list[ReportTable | Chart] = [
        _ranked_table("移動_転入超過", f"{name} 転入超過の多い相手先({summary.year}年)",
                      summary.net_in, notes),
        _ranked_table("移動_転出超過", f"{name} 転出超過の多い相手先({summary.year}年)",
                      summary.net_out, notes),
    ]
    if ranked:
        blocks.append(_net_chart("移動_相手先別増減", f"相手先別の転入超過・転出超過({year})",
                                 list(ranked)))
    municipal = [*summary.municipal_net_in, *summary.municipal_net_out]
    if municipal:
        blocks.append(_ranked_table("移動_主な市区町村", f"{name} 主な市区町村との移動"
                                    f"({summary.year}年)", municipal, notes))
    blocks.append(_flow_table("移動_三大都市圏", f"{name} 三大都市圏との移動({summary.year}年)",
                              summary.metropolitan, (
                                  "※東京圏 = 東京都・神奈川県・埼玉県・千葉県、名古屋圏 = 愛知県・"
                                  "岐阜県・三重県、大阪圏 = 大阪府・京都府・兵庫県・奈良県。",
                                  f"出典: {source}")))
    return Section("moves", "転入元・転出先別の人口移動", paragraphs, tuple(blocks))


def _group_table(key: str, title: str, heading: str, groups: list[Group],
                 previous: int | None, notes: tuple[str, ...]) -> ReportTable:
    change = f"{previous}年からの増減" if previous else "増減"
    header = tuple(Cell(h) for h in ("順位", heading, "人数", "割合", change))
    body = tuple((Cell(i + 1, "year"), Cell(g.name, emphasis=True), Cell(g.persons, "count"),
                  Cell(g.share, "percent"), Cell(g.change, "count"))
                 for i, g in enumerate(groups))
    return ReportTable(key, title, (header,), body, notes, unit="人")


def _persons_chart(key: str, title: str, groups: list[Group]) -> Chart:
    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        ax.barh([g.name for g in groups][::-1], [g.persons for g in groups][::-1],
                color=color(1))
        ax.xaxis.set_major_formatter(FuncFormatter(thousands))
        ax.set_xlabel("人")
        ax.set_title(title)

    return render(key, title, draw, size=(7.0, max(2.5, 0.3 * len(groups) + 1.2)))


def _trend_table(history: Trend, name: str, source: str) -> ReportTable:
    header = (Cell("国籍・地域"), *(Cell(y, "year") for y in history.years))
    body = tuple((Cell(label, emphasis=True), *(Cell(v, "count") for v in values))
                 for label, values in history.rows)
    return ReportTable("外国人_国籍・地域別推移", f"{name} 国籍・地域別の在留外国人の推移",
                       (header,), body, (f"出典: {source}",), unit="人")


def foreign_section(summary: ForeignSummary, name: str, source: str,
                    history: Trend | None = None) -> Section:
    """Foreign residents by nationality and by residence status, ranked, with shares."""
    year = format_year_prose(summary.year)
    text = f"{year}の在留外国人は{summary.total:,}人です"
    if summary.total_change is not None and summary.previous_year is not None:
        word = "増加" if summary.total_change >= 0 else "減少"
        text += f"({format_year_prose(summary.previous_year)}から{abs(summary.total_change):,}人{word})"
    blocks: list[ReportTable | Chart] = []
    for key, heading, groups in (("nationality", "国籍・地域", summary.nationalities),
                                 ("status", "在留資格", summary.statuses)):
        if not groups:
            continue
        title = f"{name} {heading}別の在留外国人({summary.year}年)"
        notes = ["※割合は在留外国人総数に占める割合です。"]
        if key == "status":
            notes.append("※技能実習・特定技能・高度専門職は号の区分を合わせた人数です。")
        blocks.append(_group_table(f"外国人_{heading}別", title, heading, groups,
                                   summary.previous_year, (*notes, f"出典: {source}")))
        blocks.append(_persons_chart(f"外国人_{heading}別", f"{heading}別の在留外国人({year})",
                                     groups))
    if history is not None and len(history.years) > 1:
        blocks.append(_trend_table(history, name, source))
    return Section("foreign", "在留外国人の状況", (text + "。",), tuple(blocks))


@dataclass(frozen=True)
class AreaTables:
    """The optional inputs: the readers' frames and the 出典 printed under their tables."""

    moves: pd.DataFrame | None = None
    moves_source: str = ""
    foreign: pd.DataFrame | None = None
    foreign_source: str = ""


def area_sections(code: str, name: str, tables: AreaTables | None) -> tuple[Section, ...]:
    """The sections the given tables support for one municipality (its rows only)."""
    if tables is None:
        return ()
    moves, foreign = tables.moves, tables.foreign
    sections = []
    if moves is not None and (moves["area_code"] == code).any():
        sections.append(moves_section(summarise_moves(moves[moves["area_code"] == code]), name,
                                      tables.moves_source))
    if foreign is not None and (foreign["area_code"] == code).any():
        own = foreign[foreign["area_code"] == code]
        sections.append(foreign_section(summarise_foreign(own), name, tables.foreign_source,
                                        trend(own, "nationality")))
    return tuple(sections)
