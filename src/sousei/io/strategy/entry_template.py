"""A blank entry sheet per department: only its KPIs, with data validation in the actual cells.

The sheet keeps the 事業一覧 layout (title with the plan period, KPI and target columns), so a
filled template is read back with `read_progress_workbook` like any progress workbook.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from sousei.io.strategy.cells import DEFAULT_WORDING, actual_text, plain_number
from sousei.io.xlsx_style import BORDER, WRAP, save_atomically, set_widths, style_header
from sousei.japanese import format_era_short, format_fiscal_year
from sousei.strategy import ActualState, Strategy

HEADER_ROW = 4
STATE_WORDS = (
    DEFAULT_WORDING[ActualState.NOT_OBTAINABLE],
    DEFAULT_WORDING[ActualState.NOT_CARRIED_OUT],
    DEFAULT_WORDING[ActualState.PENDING],
)


def _validation(first_col: int, last_col: int, first_row: int, last_row: int) -> DataValidation:
    """A number, or one of the words for a missing value; anything else is refused by Excel."""
    corner = f"{get_column_letter(first_col)}{first_row}"
    words = ",".join(f'{corner}="{w}"' for w in STATE_WORDS)
    rule = DataValidation(
        type="custom", formula1=f"OR(ISNUMBER({corner}),{words})", allow_blank=True
    )
    rule.error = f"数値、または {'・'.join(STATE_WORDS)} のいずれかを入力してください"
    rule.errorTitle = "入力できない値です"
    rule.prompt = "数値(単位なし)。把握不可は「—」、未実施は「未実施」、未公表は「統計未公表」"
    rule.showErrorMessage = rule.showInputMessage = True
    rule.add(f"{corner}:{get_column_letter(last_col)}{last_row}")
    return rule


def write_entry_template(strategy: Strategy, department: str, path: str | Path) -> Path:
    """The KPIs whose 担当課 is `department`, with their actuals so far; raises if none."""
    rows = [
        (goal.name, measure.name, project.name, kpi)
        for goal in strategy.goals
        for measure in goal.measures
        for project in measure.projects
        for kpi in project.kpis
        if kpi.department == department
    ]
    if not rows:
        known = "、".join(sorted({k.department for k in strategy.kpis if k.department}))
        raise ValueError(f"担当課「{department}」のKPIがありません(担当課: {known})")
    years = list(strategy.plan_years)
    headers = ["基本目標", "主な施策", "具体的な事業", "重要業績評価指標(KPI)", "単位", "基準値"]
    headers += [f"{format_era_short(fy)}/実績値" for fy in years] + ["目標値", "担当課"]
    book = Workbook()
    ws = book.active
    ws.title = "実績値入力"
    period = f"{format_fiscal_year(strategy.plan_start)}～{format_fiscal_year(strategy.plan_end)}"
    ws.cell(row=1, column=1, value=f"{strategy.name}【事業一覧】(期間：{period})")
    ws.cell(row=2, column=1, value=f"{department} 実績値入力シート")
    ws.cell(row=3, column=1, value="※実績値は数値のみ(単位は単位の列)。" + "・".join(STATE_WORDS)
            + " も入力できます。")
    for c, header in enumerate(headers, start=1):
        ws.cell(row=HEADER_ROW, column=c, value=header)
    style_header(ws, HEADER_ROW, len(headers))
    for r, (goal, measure, project, kpi) in enumerate(rows, start=HEADER_ROW + 1):
        baseline = kpi.baseline_note or (
            f"{plain_number(kpi.baseline)}({format_era_short(kpi.baseline_year)})"
            if kpi.baseline is not None and kpi.baseline_year else kpi.baseline
        )
        values: list[object] = [goal, measure, project, kpi.name, kpi.unit, baseline]
        by_year = {a.fiscal_year: actual_text(a) for a in kpi.actuals}
        values += [by_year.get(fy) for fy in years] + [kpi.target.text, kpi.department]
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=value if value != "" else None)
            cell.border, cell.alignment = BORDER, WRAP
    last_row = HEADER_ROW + len(rows)
    ws.add_data_validation(_validation(7, 6 + len(years), HEADER_ROW + 1, last_row))
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=7)
    set_widths(ws, [24, 24, 24, 30, 8, 14, *([12] * len(years)), 16, 14])
    return save_atomically(book, path)
