"""The tables of a KPI verification report: progress (事業一覧), achievement summary, numerical
targets of the basic goals, and the project sheets of a partnership.

Laid out as the published tables are: the hierarchy (基本目標 > 主な施策 > 具体的な事業) merged
down its rows, 実績値 as one merged header over a column per fiscal year, and per goal a count
row and a share row under one merged goal cell.
"""

from __future__ import annotations

from sousei.io.strategy.cells import actual_text
from sousei.japanese import format_era_short, format_fiscal_year
from sousei.reports.table import Cell, ReportTable, merge_down, spanned
from sousei.strategy import KPI, Evaluation, GradeSummary, Project, StrategyEvaluation

HIERARCHY = ("基本目標", "主な施策", "具体的な事業")


def number_cell(value: object) -> Cell:
    """A number with as many decimals as it has (8, 19.5, 1.38), or the published wording."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return Cell(value if value not in (None, "") else None)
    number = float(value)
    if number.is_integer():
        return Cell(number, "count")
    return Cell(number, "count1" if round(number, 1) == number else "ratio")


def _fiscal_years(evaluation: StrategyEvaluation) -> list[int]:
    strategy = evaluation.strategy
    years = {a.fiscal_year for k in strategy.kpis for a in k.actuals}
    return sorted(years | set(strategy.plan_years))


def _kpi_row(kpi: KPI, ev: Evaluation, years: list[int]) -> list[Cell | None]:
    baseline = number_cell(kpi.baseline) if kpi.baseline is not None else Cell(kpi.baseline_note)
    actuals = []
    for year in years:
        actual = kpi.actual_for(year)
        actuals.append(number_cell(actual_text(actual)) if actual else Cell(None))
    target = kpi.target.text or (f"{kpi.target.value:g}" if kpi.target.value is not None else "")
    rate = Cell(ev.rate, "percent") if ev.rate is not None else Cell(None)
    return [
        Cell(kpi.name),
        Cell(kpi.unit, nowrap=True),
        baseline,
        *actuals,
        number_cell(ev.compared_value) if ev.compared_value is not None else Cell(None),
        Cell(target),
        Cell(kpi.department, nowrap=True),
        Cell(ev.grade or "評価待ち", nowrap=True),
        rate,
    ]


def progress_table(evaluation: StrategyEvaluation) -> ReportTable:
    """事業一覧: one row per KPI (and per ※ note), the hierarchy merged down."""
    strategy = evaluation.strategy
    years = _fiscal_years(evaluation)
    evaluations = {id(ev.kpi): ev for _, evs in evaluation.by_goal for ev in evs}
    rows: list[list[Cell | None]] = []
    keys: list[tuple[object, ...]] = []
    for gi, goal in enumerate(strategy.goals):
        for mi, measure in enumerate(goal.measures):
            for pi, project in enumerate(measure.projects):
                for kpi in project.kpis:
                    head = [Cell(goal.name), Cell(measure.name), Cell(project.name)]
                    rows.append(head + _kpi_row(kpi, evaluations[id(kpi)], years))
                    keys.append((gi, mi, pi))
                    for note in kpi.notes:
                        blank = [Cell(None)] * (len(rows[-1]) - 4)
                        rows.append([*head, Cell(note), *blank])
                        keys.append((gi, mi, pi))
    for column, depth in ((0, 1), (1, 2), (2, 3)):
        merge_down(rows, column, [k[:depth] for k in keys])
    single = [Cell(h, rowspan=2, nowrap=h == "単位")
              for h in (*HIERARCHY, "重要業績評価指標(KPI)", "単位", "基準値")]
    tail = [
        Cell(h, rowspan=2, nowrap=h != "実績値(目標値比較)")
        for h in ("実績値(目標値比較)", "目標値", "担当課", "総合評価", "達成率")
    ]
    top = [*single, *spanned(Cell("実績値"), len(years)), *tail]
    second = [None] * len(single) + [Cell(format_era_short(y)) for y in years] + [None] * len(tail)
    period = f"{format_fiscal_year(strategy.plan_start)}～{format_fiscal_year(strategy.plan_end)}"
    return ReportTable(
        key="事業一覧",
        title=f"{strategy.name}【事業一覧】(期間：{period})",
        header=(tuple(top), tuple(second)),
        body=tuple(tuple(r) for r in rows),
        notes=(
            f"※{format_fiscal_year(evaluation.as_of)}時点の評価(評価方式: "
            f"{evaluation.scheme.display_name})。達成率は目標値に対する割合です。",
        ),
    )


def _grade_rows(summary: GradeSummary, symbols: tuple[str, ...]) -> list[list[Cell | None]]:
    counts = [
        Cell(float(summary.kpi_count), "count"),
        *(Cell(float(summary.counts[s]), "count") for s in symbols),
        Cell(float(summary.pending), "count"),
    ]
    shares = [
        Cell(None),
        *(
            Cell(float(summary.shares[s]), "percent0") if s in summary.shares else Cell(None)
            for s in symbols
        ),
        Cell(None),
    ]
    return [
        [Cell(summary.name, rowspan=2, emphasis=True), Cell("件数"), *counts],
        [None, Cell("割合"), *shares],
    ]


def summary_table(evaluation: StrategyEvaluation) -> ReportTable:
    """基本目標達成状況等一覧表: KPI count and grade counts and shares per goal and in total."""
    scheme = evaluation.scheme
    symbols = scheme.symbols
    rows: list[list[Cell | None]] = []
    for summary in (*evaluation.goals, evaluation.total):
        rows += _grade_rows(summary, symbols)
    header = (
        Cell("基本目標"),
        Cell("区分"),
        Cell("KPI設定数"),
        *(Cell(s) for s in symbols),
        Cell(scheme.pending_label),
    )
    left_out = [scheme.pending_label] if not scheme.pending_in_denominator else []
    if not scheme.failed_in_denominator:
        left_out.append(scheme.failed.symbol)
    notes = ["※割合は小数点以下を四捨五入しているため、合計が100%にならない場合があります。"]
    if left_out:
        notes.append(f"※割合の分母から{'・'.join(left_out)}を除いています。")
    levels = "、".join(scheme.describe(lv) for lv in (*scheme.levels, scheme.failed))
    notes.append(f"※評価区分: {levels}")
    return ReportTable(
        key="達成状況",
        title=f"基本目標達成状況等一覧表({format_fiscal_year(evaluation.as_of)}時点)",
        header=(header,),
        body=tuple(tuple(r) for r in rows),
        notes=tuple(notes),
        unit="件",
    )


def numerical_targets_table(evaluation: StrategyEvaluation) -> ReportTable | None:
    """Basic-goal numerical targets three ways (社人研推計値 / 目標値 / 実績値), or None."""
    rows: list[list[Cell | None]] = []
    for goal in evaluation.strategy.goals:
        for nt in goal.numerical_targets:
            indicator = f"{nt.indicator}({nt.unit})" if nt.unit else nt.indicator
            note = nt.note or ("" if nt.actual is not None else "—")
            rows.append(
                [
                    Cell(goal.name, emphasis=True),
                    Cell(indicator),
                    Cell(nt.period),
                    number_cell(nt.ipss_estimate),
                    number_cell(nt.target),
                    number_cell(nt.actual),
                    Cell(note),
                ]
            )
    if not rows:
        return None
    merge_down(rows, 0)
    headers = ("基本目標", "指標", "期間", "社人研推計値", "目標値", "実績値", "備考")
    return ReportTable(
        key="数値目標",
        title="基本目標の数値目標",
        header=(tuple(Cell(h) for h in headers),),
        body=tuple(tuple(r) for r in rows),
    )


def project_table(project: Project, number: int) -> ReportTable:
    """A partnership project sheet: purpose, roles, partners, budgets per fiscal year (千円)."""
    width = 1 + max(2, len(project.budgets))
    rows: list[tuple[Cell | None, ...]] = [
        (Cell("事業の目的と概要", emphasis=True), *spanned(Cell(project.purpose), width - 1))
    ]
    for i, role in enumerate(project.roles):
        label = Cell("役割分担", rowspan=len(project.roles), emphasis=True) if i == 0 else None
        rows.append((label, Cell(role.municipality), *spanned(Cell(role.role), width - 2)))
    rows.append(
        (Cell("関係市町", emphasis=True), *spanned(Cell("、".join(project.partners)), width - 1))
    )
    if project.departments:
        rows.append(
            (
                Cell("担当課", emphasis=True),
                *spanned(Cell("、".join(project.departments)), width - 1),
            )
        )
    if project.budgets:
        pad = [Cell(None)] * (width - 1 - len(project.budgets))
        rows.append(
            (
                Cell("事業費(各年度予算額)", rowspan=2, emphasis=True),
                *(Cell(format_era_short(b.fiscal_year)) for b in project.budgets),
                *pad,
            )
        )
        rows.append(
            (
                None,
                *(
                    Cell(b.thousand_yen, "count") if b.thousand_yen is not None else Cell(None)
                    for b in project.budgets
                ),
                *pad,
            )
        )
    return ReportTable(
        key=f"事業{number}",
        title=project.name,
        header=(),
        body=tuple(rows),
        unit="千円(事業費)" if project.budgets else "",
    )
