"""Where things are in a 事業一覧 sheet: the header row, what each column holds, the plan period.

Published tables differ in wording (`R2/実績値`, `令和6年度`, `2024`; `基準値 (R5)`;
`目標値 (R11まで)`), so columns are recognised by their header text, never by position.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from openpyxl.utils import get_column_letter

from sousei.io.errors import CellProblem
from sousei.io.strategy.cells import cell_text, split_year
from sousei.japanese import EraError, parse_fiscal_year


class Col(StrEnum):
    GOAL = "基本目標"
    DIRECTION_GROUP = "基本的方向"
    MEASURE = "施策"
    PROJECT = "事業"
    KPI = "KPI"
    UNIT = "単位"
    KPI_DIRECTION = "方向"
    AGGREGATION = "集計"
    BASELINE = "基準値"
    COMPARISON = "実績値(目標値比較)"
    TARGET = "目標値"
    DEPARTMENT = "担当課"
    GRADE = "総合評価"
    REASON = "評価の理由"
    OUTPUT = "出力専用"  # 達成率 and 算定根拠: written by sousei, ignored when read


HIERARCHY = (Col.GOAL, Col.DIRECTION_GROUP, Col.MEASURE, Col.PROJECT)
_PERIOD = re.compile(r"期間\s*[:：]?\s*([^～~〜\-－()]+?)\s*[～~〜\-－]\s*([^()）]+?年度)")


@dataclass
class Layout:
    sheet: str
    header_row: int  # 1-based
    headers: list[str]
    columns: dict[Col, int] = field(default_factory=dict)  # 0-based column index
    actual_columns: dict[int, int] = field(default_factory=dict)  # fiscal year -> index
    baseline_year: int | None = None
    target_year: int | None = None
    title: str = ""

    def header(self, index: int) -> str:
        return self.headers[index] if index < len(self.headers) else ""

    def problem(self, row: int, index: int, message: str) -> CellProblem:
        letter = get_column_letter(index + 1)
        return CellProblem(self.sheet, row, letter, self.header(index), message)


def classify(header: str) -> Col | None:
    """The role of a column from its header; None for an empty header."""
    text = unicodedata.normalize("NFKC", header).replace(" ", "")
    rules: tuple[tuple[bool, Col], ...] = (
        ("目標値比較" in text, Col.COMPARISON),
        (text.startswith("基準値"), Col.BASELINE),
        (text.startswith("目標値") or text == "目標", Col.TARGET),
        ("KPI" in text.upper() or "重要業績評価指標" in text or text == "指標", Col.KPI),
        ("基本目標" in text, Col.GOAL),
        ("基本的方向" in text or "方向性" in text, Col.DIRECTION_GROUP),
        (text in ("方向", "改善の方向"), Col.KPI_DIRECTION),
        ("施策" in text, Col.MEASURE),
        (("事業" in text and "事業費" not in text) or "取組" in text, Col.PROJECT),
        (text == "単位", Col.UNIT),
        ("集計" in text, Col.AGGREGATION),
        ("担当" in text, Col.DEPARTMENT),
        ("達成率" in text or "算定根拠" in text, Col.OUTPUT),
        ("理由" in text, Col.REASON),
        ("評価" in text, Col.GRADE),
    )
    return next((col for hit, col in rules if hit), None)


def find_header_row(grid: list[list[object]], limit: int = 20) -> int | None:
    """0-based index of the first row with a KPI column header."""
    for i, row in enumerate(grid[:limit]):
        if any(classify(cell_text(v)) is Col.KPI for v in row):
            return i
    return None


def read_layout(grid: list[list[object]], sheet: str, problems: list[CellProblem]) -> Layout | None:
    found = find_header_row(grid)
    if found is None:
        message = "KPI(重要業績評価指標)の列見出しがありません"
        problems.append(CellProblem(sheet, 1, "", "", message))
        return None
    headers = [cell_text(v) for v in grid[found]]
    title = " ".join(cell_text(v) for row in grid[:found] for v in row if cell_text(v))
    layout = Layout(sheet, found + 1, headers, title=title)
    for index, header in enumerate(headers):
        if header:
            _place(layout, index, header, problems)
    for needed in (Col.KPI, Col.TARGET):
        if needed not in layout.columns:
            problems.append(CellProblem(sheet, found + 1, "", "", f"「{needed}」の列がありません"))
    return layout


def _place(layout: Layout, index: int, header: str, problems: list[CellProblem]) -> None:
    row = layout.header_row
    col = classify(header)
    if col is None:
        try:
            year = parse_fiscal_year(header)
        except EraError:
            problems.append(layout.problem(row, index, "年度または項目として読めない列見出しです"))
            return
        if year in layout.actual_columns:
            problems.append(layout.problem(row, index, f"{year}年度の実績値の列が重複しています"))
        layout.actual_columns[year] = index
        return
    if col is Col.OUTPUT:
        return
    if col in layout.columns:
        problems.append(layout.problem(row, index, f"「{col}」の列が重複しています"))
        return
    layout.columns[col] = index
    if col in (Col.BASELINE, Col.TARGET):
        _, year = split_year(header.replace("まで", "").replace("末", ""))
        if col is Col.BASELINE:
            layout.baseline_year = year
        else:
            layout.target_year = year


_TITLE_PARTS = re.compile(r"[【】※■□◆◇●]|[(（]期間.*?[)）]|[(（][^()（）]*時点[^()（）]*[)）]")


def strategy_name(title: str) -> str:
    """The strategy's name in the title rows: of the parts between 【事業一覧】, ※ and the
    period, the one naming a 戦略 (「※嘉麻市人口ビジョン・デジタル田園都市構想総合戦略（期間：…）」),
    else the first part; "" when the sheet has no title."""
    parts = [p.strip(" 　・:：") for p in _TITLE_PARTS.split(title)]
    parts = [p for p in parts if p and p not in ("事業一覧", "取組")]
    return next((p for p in parts if "戦略" in p), parts[0] if parts else "")


def plan_period(title: str) -> tuple[int, int] | None:
    """`期間：令和7年度～令和11年度` in the title rows -> (2025, 2029)."""
    match = _PERIOD.search(unicodedata.normalize("NFKC", title))
    if not match:
        return None
    try:
        return parse_fiscal_year(match.group(1)), parse_fiscal_year(match.group(2))
    except EraError:
        return None
