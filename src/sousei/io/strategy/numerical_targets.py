"""The 数値目標 sheet: each basic goal's numerical targets (社人研推計値 / 目標値 / 実績値).

Columns by header: 基本目標, 指標, 単位, 基準値, 社人研推計値, 目標値, 実績値, 期間, 備考.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sousei.io.errors import CellProblem
from sousei.io.sheets import grid_of
from sousei.io.strategy.cells import cell_text, read_number
from sousei.io.xlsx_style import BORDER, number_format, set_widths, style_header
from sousei.japanese import NumberError
from sousei.strategy import NumericalTarget, Strategy

NUMERICAL_SHEET = "数値目標"
HEADERS = ("基本目標", "指標", "単位", "基準値", "社人研推計値", "目標値", "実績値", "期間", "備考")
NUMBER_FIELDS = {"基準値": "baseline", "社人研推計値": "ipss_estimate", "目標値": "target",
                 "実績値": "actual"}


def read_numerical_targets(
    ws: Worksheet, goals: set[str], problems: list[CellProblem]
) -> dict[str, tuple[NumericalTarget, ...]]:
    grid, _ = grid_of(ws)
    if not grid:
        return {}
    headers = [cell_text(v) for v in grid[0]]
    index = {h: i for i, h in enumerate(headers) if h in HEADERS}
    for needed in ("基本目標", "指標"):
        if needed not in index:
            problems.append(CellProblem(ws.title, 1, "", "", f"「{needed}」の列がありません"))
    if problems:
        return {}
    found: dict[str, list[NumericalTarget]] = {}
    for r, row in enumerate(grid[1:], start=2):
        texts = {h: cell_text(row[i]) for h, i in index.items()}
        if not any(texts.values()):
            continue
        goal = texts["基本目標"]
        if goal not in goals:
            letter = get_column_letter(index["基本目標"] + 1)
            problems.append(CellProblem(ws.title, r, letter, "基本目標",
                                        f"事業一覧にない基本目標です: {goal!r}"))
            continue
        values: dict[str, float | None] = {}
        for header, field in NUMBER_FIELDS.items():
            values[field] = None
            if header in index and texts[header]:
                try:
                    values[field] = read_number(row[index[header]], texts.get("単位", ""))
                except NumberError as exc:
                    letter = get_column_letter(index[header] + 1)
                    problems.append(CellProblem(ws.title, r, letter, header, str(exc)))
        found.setdefault(goal, []).append(
            NumericalTarget(texts["指標"], texts.get("単位", ""), period=texts.get("期間", ""),
                            note=texts.get("備考", ""), **values)
        )
    return {goal: tuple(items) for goal, items in found.items()}


def write_numerical_targets(ws: Worksheet, strategy: Strategy) -> None:
    """One row per numerical target, in the columns `read_numerical_targets` expects."""
    for c, header in enumerate(HEADERS, start=1):
        ws.cell(row=1, column=c, value=header)
    style_header(ws, 1, len(HEADERS))
    r = 2
    for goal in strategy.goals:
        for nt in goal.numerical_targets:
            values = (goal.name, nt.indicator, nt.unit, nt.baseline, nt.ipss_estimate, nt.target,
                      nt.actual, nt.period, nt.note)
            for c, value in enumerate(values, start=1):
                cell = ws.cell(row=r, column=c, value=value if value != "" else None)
                cell.border = BORDER
                if isinstance(value, int | float):
                    cell.number_format = number_format(value)
            r += 1
    set_widths(ws, [30, 16, 8, 12, 12, 12, 12, 12, 24])
