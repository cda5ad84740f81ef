"""The progress workbook (事業一覧): read into a `Strategy` all or nothing, and written back.

Reading: the hierarchy (basic goal > direction > measure > project) is carried down by merged
cells and by blank cells under a value; a new value at one level starts its lower levels afresh.
Direction and aggregation come from their columns when present and are otherwise inferred from
the target text; every inference is reported back.

Writing: direction, aggregation and unit get explicit columns so nothing has to be inferred
again, and `read_progress_workbook` reads the result back unchanged; with an evaluation the sheet
gains 達成率 and 算定根拠 columns and a 達成状況 summary sheet.
"""


from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from sousei.io.errors import CellProblem, WorkbookError
from sousei.io.sheets import grid_of, open_workbook
from sousei.io.strategy.cells import (
    AGGREGATION_LABELS,
    DIRECTION_LABELS,
    actual_text,
    cell_text,
    plain_number,
)
from sousei.io.strategy.external_links import refuse_external_links
from sousei.io.strategy.kpi_row import read_kpi_row
from sousei.io.strategy.numerical_targets import (
    NUMERICAL_SHEET,
    read_numerical_targets,
    write_numerical_targets,
)
from sousei.io.strategy.progress_layout import (
    HIERARCHY,
    Col,
    Layout,
    plan_period,
    read_layout,
    strategy_name,
)
from sousei.io.strategy.summary_sheet import write_summary_sheet
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
from sousei.strategy import (
    KPI,
    BasicGoal,
    Evaluation,
    Measure,
    NumericalTarget,
    Project,
    Strategy,
    StrategyEvaluation,
)
from sousei.strategy.targets import target_wording

PROGRESS_SHEET = "事業一覧"


@dataclass(frozen=True)
class PublishedGrade:
    """A grade the sheet already printed for a KPI that sousei grades itself."""

    row: int
    kpi: KPI
    grade: str


@dataclass(frozen=True)
class ProgressImport:
    strategy: Strategy
    inferred: tuple[str, ...]  # guesses made where the sheet was silent, to show the user
    published: tuple[PublishedGrade, ...] = ()
    readings: tuple[str, ...] = ()  # cells read as more than they show (year tags, notes, —)

    def grade_differences(self, evaluation: StrategyEvaluation) -> list[str]:
        """Where the sheet's printed grade differs from sousei's, in Japanese, with the rule."""
        computed = {id(ev.kpi): ev for _, evs in evaluation.by_goal for ev in evs}
        found = []
        for item in self.published:
            ev = computed.get(id(item.kpi))
            if ev is not None and (ev.grade or "") != item.grade:
                found.append(
                    f"{item.row}行目「{item.kpi.name}」: 表の評価 {item.grade} / "
                    f"算定 {ev.grade or evaluation.scheme.pending_label} ({ev.rule})"
                )
        return found


class _Tree:
    """Goals > (direction, measure) > project > KPIs, in the order they first appear."""

    def __init__(self) -> None:
        self.goals: dict[str, dict[tuple[str, str], dict[str, list[KPI]]]] = {}

    def node(self, path: dict[Col, str]) -> list[KPI] | None:
        goal = self.goals.setdefault(path[Col.GOAL], {})
        if not path[Col.MEASURE] and not path[Col.PROJECT]:
            return None
        measure = goal.setdefault((path[Col.DIRECTION_GROUP], path[Col.MEASURE]), {})
        return measure.setdefault(path[Col.PROJECT], [])

    def touch(self, path: dict[Col, str]) -> None:
        """A row with hierarchy but no KPI: record the levels it names, and no deeper."""
        goal = self.goals.setdefault(path[Col.GOAL], {})
        if path[Col.MEASURE] or path[Col.PROJECT]:
            measure = goal.setdefault((path[Col.DIRECTION_GROUP], path[Col.MEASURE]), {})
            if path[Col.PROJECT]:
                measure.setdefault(path[Col.PROJECT], [])

    def goals_with(
        self, numerical: dict[str, tuple[NumericalTarget, ...]]
    ) -> tuple[BasicGoal, ...]:
        return tuple(
            BasicGoal(
                name,
                tuple(
                    Measure(m, tuple(Project(p, tuple(k)) for p, k in projects.items()), d)
                    for (d, m), projects in measures.items()
                ),
                numerical.get(name, ()),
            )
            for name, measures in self.goals.items()
        )


def _walk_rows(
    grid, filled, layout: Layout, plan_end: int, problems, inferred, published, readings
) -> _Tree:
    tree = _Tree()
    path = dict.fromkeys(HIERARCHY, "")
    last: list[KPI] | None = None  # where a ※ note row attaches
    kpi_index = layout.columns[Col.KPI]
    for r in range(layout.header_row, len(grid)):
        row, rownum = grid[r], r + 1
        texts = [cell_text(v) for v in row]
        if not any(texts):
            last = None
            continue
        _carry_down(path, row, r, filled, layout)
        kpi_text = texts[kpi_index]
        if not kpi_text or kpi_text.startswith("※"):
            note = " ".join(
                t for i, t in enumerate(texts) if t.startswith("※") and (r, i) not in filled
            )
            if note and last:
                last[-1] = _with_note(last[-1], note)
            elif not note:
                tree.touch(path)
            continue
        node = tree.node(path)
        if node is None:
            problems.append(layout.problem(rownum, kpi_index, "施策も事業もないKPIです"))
            continue
        kpi = read_kpi_row(row, rownum, layout, plan_end, problems, inferred, readings)
        if kpi is not None:
            node.append(kpi)
            last = node
            grade = texts[layout.columns[Col.GRADE]] if Col.GRADE in layout.columns else ""
            if grade and kpi.judgement is None:
                published.append(PublishedGrade(rownum, kpi, grade))
    return tree


def _carry_down(path: dict[Col, str], row, r: int, filled, layout: Layout) -> None:
    restart = False
    for level in HIERARCHY:
        index = layout.columns.get(level)
        if index is None:
            continue
        text = cell_text(row[index])
        if (r, index) in filled:
            path[level] = text
        elif text:
            path[level], restart = text, True
        elif restart:
            path[level] = ""


def _with_note(kpi: KPI, note: str) -> KPI:
    return replace(kpi, notes=(*kpi.notes, note))


def read_progress_workbook(
    path: str | Path,
    sheet: str | None = None,
    plan: tuple[int, int] | None = None,
    name: str | None = None,
) -> ProgressImport:
    """The strategy in a 事業一覧 workbook; raises `WorkbookError` listing every bad cell.

    `plan` (first and last fiscal year) is needed only when the title rows do not state the
    period (`期間：令和7年度～令和11年度`); otherwise the actual columns' years are used.
    """
    path = Path(path)
    refuse_external_links(path, path.name)
    book = open_workbook(path)
    default = PROGRESS_SHEET if PROGRESS_SHEET in book.sheetnames else book.sheetnames[0]
    sheet_name = sheet or default
    if sheet_name not in book.sheetnames:
        raise WorkbookError(path.name, [CellProblem(sheet_name, 0, "", "", "シートがありません")])
    grid, filled = grid_of(book[sheet_name])
    problems: list[CellProblem] = []
    inferred: list[str] = []
    published: list[PublishedGrade] = []
    readings: list[str] = []
    layout = read_layout(grid, sheet_name, problems)
    if layout is None or problems:
        raise WorkbookError(path.name, problems)
    period = plan or plan_period(layout.title) or _period_from_columns(layout)
    if period is None:
        message = "計画期間が分かりません(表題に「期間：令和7年度～令和11年度」と書いてください)"
        problems.append(CellProblem(sheet_name, layout.header_row, "", "", message))
        raise WorkbookError(path.name, problems)
    tree = _walk_rows(
        grid, filled, layout, period[1], problems, inferred, published, readings
    )
    numerical: dict[str, tuple[NumericalTarget, ...]] = {}
    if NUMERICAL_SHEET in book.sheetnames:
        numerical = read_numerical_targets(book[NUMERICAL_SHEET], set(tree.goals), problems)
    if problems:
        raise WorkbookError(path.name, problems)
    title = strategy_name(layout.title)
    goals = tree.goals_with(numerical)
    strategy = Strategy(name or title or path.stem, period[0], period[1], goals)
    return ProgressImport(strategy, tuple(inferred), tuple(published), tuple(readings))


def _period_from_columns(layout: Layout) -> tuple[int, int] | None:
    years = sorted(layout.actual_columns)
    return (years[0], years[-1]) if years else None


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


def _baseline_cell(kpi: KPI, base_year: int | None) -> object:
    """The baseline as typed: a bare figure, or text carrying its own year and note."""
    tag = ""
    if kpi.baseline_year is not None and kpi.baseline_year != base_year:
        tag = f"({format_era_short(kpi.baseline_year)})"
    if kpi.baseline is None:
        return kpi.baseline_note + tag if kpi.baseline_note else None
    if not tag and not kpi.baseline_note:
        return kpi.baseline
    note = f"({kpi.baseline_note})" if kpi.baseline_note else ""
    return f"{plain_number(kpi.baseline)}{kpi.unit}{tag}{note}"


def _kpi_values(kpi: KPI, strategy: Strategy, base_year: int | None) -> dict[str, object]:
    values: dict[str, object] = {
        "重要業績評価指標(KPI)": kpi.name,
        "単位": kpi.unit,
        "方向": DIRECTION_LABELS[kpi.direction],
        "集計": AGGREGATION_LABELS[kpi.aggregation],
        "担当課": kpi.department,
        "実績値(目標値比較)": kpi.comparison_value,
    }
    target = target_wording(kpi.target, kpi.unit, strategy.plan_start)
    if kpi.target.fiscal_year not in (None, strategy.plan_end) and ")" not in target:
        target += f"({format_era_short(kpi.target.fiscal_year)})"
    values["目標値"] = target
    values["基準値"] = _baseline_cell(kpi, base_year)
    for actual in kpi.actuals:
        values[f"{format_era_short(actual.fiscal_year)}/実績値"] = actual_text(actual, kpi.unit)
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
        ws.cell(row=2, column=1, value=f"{as_of}時点の評価(評価方式: {evaluation.scheme.display_name})")
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

