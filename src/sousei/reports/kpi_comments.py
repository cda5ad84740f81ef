"""The section 「検証委員会の意見」 of the KPI report: one row per comment, grouped by target.

Comments arrive as :class:`sousei.strategy.CommitteeComment` (from the web app's database or a
file read by the CLI), so this module stays free of Django. Dates are real dates in the XLSX
(formatted yyyy/m/d) and print the same way in HTML and PDF.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sousei.reports.html import Section
from sousei.reports.table import Cell, ReportTable, merge_down
from sousei.strategy import COMMITTEE_SECTORS, CommitteeComment, Strategy
from sousei.strategy.comments import in_strategy_order

TITLE = "検証委員会の意見"


def comments_table(comments: Sequence[CommitteeComment]) -> ReportTable:
    rows: list[list[Cell | None]] = []
    keys: list[object] = []
    for comment in comments:
        target = comment.target or "総合戦略全体"
        rows.append(
            [
                Cell(comment.target_kind, emphasis=True),
                Cell(target),
                Cell(comment.sector or "—"),
                Cell(comment.given_on, "date"),
                Cell(comment.text),
                Cell(comment.reply or "—"),
            ]
        )
        keys.append((comment.target_kind, target))
    merge_down(rows, 0, [k[0] for k in keys])
    merge_down(rows, 1, keys)
    header = tuple(Cell(h) for h in ("区分", "対象", "委員の区分", "日付", "意見", "対応方針"))
    return ReportTable(
        key="委員会意見",
        title=TITLE,
        header=(header,),
        body=tuple(tuple(r) for r in rows),
        notes=("※委員の区分: 産(産業界)・官(行政機関)・学(大学等)・金(金融機関)・労(労働団体)・"
               "言(報道機関)・士(士業)。記録のないものは—としています。",),
        widths=(10, 30, 10, 12, 50, 50),
    )


def _overview(comments: Sequence[CommitteeComment]) -> str:
    text = f"検証委員会から{len(comments)}件の意見をいただきました。"
    sectors = Counter(c.sector for c in comments if c.sector)
    if sectors:
        listed = "、".join(f"{s}{sectors[s]}件" for s in COMMITTEE_SECTORS if sectors[s])
        text += f"委員の区分別では{listed}です。"
    return text


def comments_section(
    comments: Sequence[CommitteeComment], strategy: Strategy
) -> Section | None:
    """The section, or None when there is no comment (the report then has no empty chapter)."""
    if not comments:
        return None
    ordered = in_strategy_order(comments, strategy)
    return Section("comments", TITLE, (_overview(ordered),), (comments_table(ordered),))
