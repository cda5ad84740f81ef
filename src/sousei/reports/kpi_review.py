"""Sections of the KPI report for the review loop: the departments' self-evaluations and next
steps per KPI, and the verification committee (roster with 所属・役職・区分, meeting dates)."""

from __future__ import annotations

from sousei.japanese import format_fiscal_year
from sousei.reports.html import Section
from sousei.reports.table import Cell, ReportTable
from sousei.strategy import Review


def self_evaluation_section(review: Review) -> Section | None:
    if not review.self_evaluations:
        return None
    rows = tuple(
        (Cell(e.kpi, emphasis=True), Cell(e.department or "—"),
         Cell(format_fiscal_year(e.fiscal_year)), Cell(e.text or "—"), Cell(e.next_step or "—"))
        for e in review.self_evaluations
    )
    header = (tuple(Cell(h) for h in ("KPI", "担当課", "年度", "自己評価", "今後の方向性")),)
    table = ReportTable(key="自己評価", title="担当課の自己評価と今後の方向性", header=header,
                        body=rows, widths=(30, 14, 12, 60, 14))
    text = f"{len(review.self_evaluations)}件のKPIについて担当課が自己評価と今後の方向性を記入しました。"
    return Section("self_evaluations", "担当課の自己評価", (text,), (table,))


def committee_section(review: Review) -> Section | None:
    if not review.members and not review.meetings:
        return None
    blocks = []
    if review.members:
        rows = tuple((Cell(m.name), Cell(m.affiliation or "—"), Cell(m.title or "—"),
                      Cell(m.sector or "—")) for m in review.members)
        header = (tuple(Cell(h) for h in ("氏名", "所属", "役職", "区分")),)
        blocks.append(ReportTable(
            key="検証委員", title="検証委員会の委員", header=header, body=rows,
            notes=("※区分: 産(産業界)・官(行政機関)・学(大学等)・金(金融機関)・労(労働団体)・"
                   "言(報道機関)・士(士業)",), widths=(16, 30, 16, 8)))
    if review.meetings:
        rows = tuple((Cell(m.held_on, "date"), Cell(m.title or "—")) for m in review.meetings)
        header = (tuple(Cell(h) for h in ("開催日", "内容")),)
        blocks.append(ReportTable(key="開催状況", title="検証委員会の開催状況", header=header,
                                  body=rows, widths=(14, 60)))
    text = f"委員{len(review.members)}名による検証委員会を{len(review.meetings)}回開催しました。"
    return Section("committee", "検証委員会", (text,), tuple(blocks))
