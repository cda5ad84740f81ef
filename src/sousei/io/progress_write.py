"""Write a strategy as a 事業一覧 workbook that `read_progress_workbook` reads back unchanged.

Direction, aggregation and unit get explicit columns so nothing has to be inferred again; with
an evaluation the sheet gains 達成率 and 算定根拠 columns and a 達成状況 summary sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from sousei.io.cells import AGGREGATION_LABELS, DIRECTION_LABELS, actual_text, plain_number
from sousei.io.numerical_targets import write_numerical_targets
from sousei.io.summary_sheet import write_summary_sheet
from sousei.io.xlsx_style import (
    BORDER,
    PERCENT_FORMAT,
    WRAP,
    number_format,
    save_atomically,
    set_widths,
    style_header,
)
from sousei.japanese import format_era_short, format_fiscal_year
from sousei.strategy import KPI, Evaluation, Strategy, StrategyEvaluation

HEADER_ROW = 3


@dataclass
class _Row:
    goal: int
    measure: int
    project: int
    values: dict[str, object]
    kpi: KPI | None = None


def _fiscal_years(strategy: Strategy) -> list[int]:
    years = set(strategy.plan_years) | {a.fiscal_year for k in strategy.kpis for a in k.actuals}
    return sorted(years)


def _baseline_year(strategy: Strategy) -> int | None:
    """The header year when every numeric baseline shares one; else each cell says its own."""
    years = {k.baseline_year for k in strategy.kpis if k.baseline is not None or k.baseline_note}
    return years.pop() if len(years) == 1 else None


def _headers(strategy: Strategy, evaluated: bool) -> list[str]:
    base_year = _baseline_year(strategy)
    headers = ["基本目標"]
    if any(m.direction for g in strategy.goals for m in g.measures):
        headers.append("基本的方向")
    headers += ["主な施策", "具体的な事業", "重要業績評価指標(KPI)", "単位", "方向", "集計"]
    headers.append(f"基準値({format_era_short(base_year)})" if base_year else "基準値")
    headers += [f"{format_era_short(fy)}/実績値" for fy in _fiscal_years(strategy)]
    headers += ["実績値(目標値比較)", f"目標値({format_era_short(strategy.plan_end)}まで)"]
    headers += ["担当課", "総合評価", "評価の理由"]
    if evaluated:
        headers += ["達成率", "算定根拠"]
    return headers


def _kpi_values(kpi: KPI, strategy: Strategy, base_year: int | None) -> dict[str, object]:
    values: dict[str, object] = {
        "重要業績評価指標(KPI)": kpi.name,
        "単位": kpi.unit,
        "方向": DIRECTION_LABELS[kpi.direction],
        "集計": AGGREGATION_LABELS[kpi.aggregation],
        "担当課": kpi.department,
        "実績値(目標値比較)": kpi.comparison_value,
    }
    target = kpi.target.text
    if kpi.target.fiscal_year not in (None, strategy.plan_end) and ")" not in target:
        target += f"({format_era_short(kpi.target.fiscal_year)})"
    values["目標値"] = target
    if kpi.baseline_note:
        values["基準値"] = kpi.baseline_note
    elif kpi.baseline is not None:
        same_year = kpi.baseline_year == base_year
        values["基準値"] = (
            kpi.baseline
            if same_year or kpi.baseline_year is None
            else f"{plain_number(kpi.baseline)}({format_era_short(kpi.baseline_year)})"
        )
    for actual in kpi.actuals:
        values[f"{format_era_short(actual.fiscal_year)}/実績値"] = actual_text(actual)
    if kpi.judgement:
        values["総合評価"] = kpi.judgement.grade
        values["評価の理由"] = kpi.judgement.reason
    return values


def _rows(strategy: Strategy, evaluations: dict[int, Evaluation]) -> list[_Row]:
    base_year = _baseline_year(strategy)
    rows: list[_Row] = []
    for gi, goal in enumerate(strategy.goals):
        head = {"基本目標": goal.name}
        for mi, measure in enumerate(goal.measures):
            head |= {"基本的方向": measure.direction, "主な施策": measure.name}
            for pi, project in enumerate(measure.projects):
                head["具体的な事業"] = project.name
                for kpi in project.kpis:
                    values = head | _kpi_values(kpi, strategy, base_year)
                    values |= _evaluation_values(evaluations.get(id(kpi)))
                    rows.append(_Row(gi, mi, pi, values, kpi))
                    rows += [_Row(gi, mi, pi, {"重要業績評価指標(KPI)": n}) for n in kpi.notes]
                    head = {}
                if not project.kpis:
                    rows.append(_Row(gi, mi, pi, head))
                    head = {}
            if not measure.projects:
                rows.append(_Row(gi, mi, -1, head))
                head = {}
        if not goal.measures:
            rows.append(_Row(gi, -1, -1, head))
    return rows


def _evaluation_values(ev: Evaluation | None) -> dict[str, object]:
    if ev is None:
        return {}
    return {"総合評価": ev.grade or "", "達成率": ev.rate, "算定根拠": ev.rule}


def _merge_runs(ws: Worksheet, rows: list[_Row], column: int, key) -> None:
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or key(rows[i]) != key(rows[start]):
            if i - start > 1:
                first = HEADER_ROW + 1 + start
                ws.merge_cells(start_row=first, end_row=first + i - start - 1,
                               start_column=column, end_column=column)
            start = i


def _write_sheet(ws: Worksheet, strategy: Strategy, evaluation: StrategyEvaluation | None) -> None:
    evaluations = {id(ev.kpi): ev for _, evs in (evaluation.by_goal if evaluation else ())
                   for ev in evs}
    headers = _headers(strategy, evaluation is not None)
    period = f"{format_fiscal_year(strategy.plan_start)}～{format_fiscal_year(strategy.plan_end)}"
    ws.cell(row=1, column=1, value=f"{strategy.name}【事業一覧】(期間：{period})")
    if evaluation is not None:
        as_of = format_fiscal_year(evaluation.as_of)
        ws.cell(row=2, column=1, value=f"{as_of}時点の評価(評価方式: {evaluation.scheme.name})")
    for c, header in enumerate(headers, start=1):
        ws.cell(row=HEADER_ROW, column=c, value=header)
    style_header(ws, HEADER_ROW, len(headers))
    rows = _rows(strategy, evaluations)
    keys = [h.split("(")[0] if h.startswith(("基準値", "目標値(")) else h for h in headers]
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        for c, key in enumerate(keys, start=1):
            value = row.values.get(key)
            cell = ws.cell(row=r, column=c, value=value if value != "" else None)
            cell.border, cell.alignment = BORDER, WRAP
            if isinstance(value, int | float):
                cell.number_format = PERCENT_FORMAT if key == "達成率" else number_format(value)
    hierarchy = [("基本目標", lambda x: x.goal), ("基本的方向", lambda x: (x.goal, x.measure)),
                 ("主な施策", lambda x: (x.goal, x.measure)),
                 ("具体的な事業", lambda x: (x.goal, x.measure, x.project))]
    for name, key in hierarchy:
        if name in keys:
            _merge_runs(ws, rows, keys.index(name) + 1, key)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=keys.index("単位") + 1)
    set_widths(ws, [24 if k in ("基本目標", "主な施策", "具体的な事業") else 30
                    if k in ("重要業績評価指標(KPI)", "算定根拠") else 12 for k in keys])


def write_progress_workbook(
    strategy: Strategy, path: str | Path, evaluation: StrategyEvaluation | None = None
) -> Path:
    """事業一覧 (and 数値目標, and with an evaluation 達成状況) written in one go."""
    book = Workbook()
    ws = book.active
    ws.title = "事業一覧"
    _write_sheet(ws, strategy, evaluation)
    if any(g.numerical_targets for g in strategy.goals):
        write_numerical_targets(book.create_sheet("数値目標"), strategy)
    if evaluation is not None:
        write_summary_sheet(book.create_sheet("達成状況"), evaluation)
    return save_atomically(book, path)

