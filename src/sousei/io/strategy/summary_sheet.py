"""The 達成状況 sheet: per basic goal, numerical targets three ways and the KPI grade counts.

Laid out like a 基本目標達成状況等一覧表: a count row and a share row per goal, then the total,
with a note under the table saying which KPIs the shares leave out.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from sousei.io.xlsx_style import BORDER, CENTER, number_format, set_widths, style_header
from sousei.japanese import format_fiscal_year
from sousei.strategy import GradeSummary, StrategyEvaluation


def _grade_rows(ws: Worksheet, row: int, summary: GradeSummary, symbols: tuple[str, ...]) -> int:
    counts = [summary.kpi_count, *(summary.counts[s] for s in symbols), summary.pending]
    shares = ["", *(f"{summary.shares[s]}%" if s in summary.shares else "" for s in symbols), ""]
    for offset, (label, values) in enumerate((("件数", counts), ("割合", shares))):
        ws.cell(row=row + offset, column=1, value=summary.name if offset == 0 else None)
        ws.cell(row=row + offset, column=2, value=label)
        for c, value in enumerate(values, start=3):
            ws.cell(row=row + offset, column=c, value=value if value != "" else None)
        for c in range(1, len(values) + 3):
            ws.cell(row=row + offset, column=c).border = BORDER
            ws.cell(row=row + offset, column=c).alignment = CENTER
    ws.merge_cells(start_row=row, end_row=row + 1, start_column=1, end_column=1)
    return row + 2


def _numerical_rows(ws: Worksheet, row: int, evaluation: StrategyEvaluation) -> int:
    headers = ["基本目標", "指標", "期間", "社人研推計値", "目標値", "実績値", "備考"]
    for c, header in enumerate(headers, start=1):
        ws.cell(row=row, column=c, value=header)
    style_header(ws, row, len(headers))
    row += 1
    for goal in evaluation.strategy.goals:
        for nt in goal.numerical_targets:
            values = [goal.name, f"{nt.indicator}({nt.unit})" if nt.unit else nt.indicator,
                      nt.period, nt.ipss_estimate, nt.target, nt.actual,
                      nt.note or ("" if nt.actual is not None else "—")]
            for c, value in enumerate(values, start=1):
                cell = ws.cell(row=row, column=c, value=value if value != "" else None)
                cell.border = BORDER
                if isinstance(value, int | float):
                    cell.number_format = number_format(value)
            row += 1
    return row


def write_summary_sheet(ws: Worksheet, evaluation: StrategyEvaluation) -> None:
    scheme = evaluation.scheme
    symbols = scheme.symbols
    ws.cell(row=1, column=1, value="基本目標達成状況等一覧表")
    ws.cell(row=2, column=1, value=f"{format_fiscal_year(evaluation.as_of)}時点(評価方式: "
                                   f"{scheme.display_name})")
    headers = ["基本目標", "区分", "KPI設定数", *symbols, scheme.pending_label]
    for c, header in enumerate(headers, start=1):
        ws.cell(row=4, column=c, value=header)
    style_header(ws, 4, len(headers))
    row = 5
    for summary in (*evaluation.goals, evaluation.total):
        row = _grade_rows(ws, row, summary, symbols)
    left_out = [scheme.pending_label] if not scheme.pending_in_denominator else []
    if not scheme.failed_in_denominator:
        left_out.append(scheme.failed.symbol)
    note = "※割合は小数点以下を四捨五入しているため、合計が100%にならない場合があります。"
    if left_out:
        note += f"割合の分母から{'・'.join(left_out)}を除いています。"
    ws.cell(row=row, column=1, value=note)
    levels = "、".join(scheme.describe(lv) for lv in (*scheme.levels, scheme.failed))
    ws.cell(row=row + 1, column=1, value=f"※評価区分: {levels}")
    if any(g.numerical_targets for g in evaluation.strategy.goals):
        _numerical_rows(ws, row + 3, evaluation)
    set_widths(ws, [34, 16, 12, *([10] * len(symbols)), 12, 24])
