"""Read a progress workbook (事業一覧) into a `Strategy`, all or nothing.

The hierarchy (basic goal > direction > measure > project) is carried down by merged cells and by
blank cells under a value; a new value at one level starts its lower levels afresh. Direction
and aggregation come from their columns when present and are otherwise inferred from the target
text; every inference is reported back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sousei.io.cells import cell_text
from sousei.io.errors import CellProblem, WorkbookError
from sousei.io.kpi_row import read_kpi_row
from sousei.io.numerical_targets import NUMERICAL_SHEET, read_numerical_targets
from sousei.io.progress_layout import HIERARCHY, Col, Layout, plan_period, read_layout
from sousei.io.sheets import grid_of, open_workbook
from sousei.strategy import KPI, BasicGoal, Measure, NumericalTarget, Project, Strategy

PROGRESS_SHEET = "事業一覧"


@dataclass(frozen=True)
class ProgressImport:
    strategy: Strategy
    inferred: tuple[str, ...]  # guesses made where the sheet was silent, to show the user


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


def _walk_rows(grid, filled, layout: Layout, plan_end: int, problems, inferred) -> _Tree:
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
                tree.node(path)
            continue
        node = tree.node(path)
        if node is None:
            problems.append(layout.problem(rownum, kpi_index, "施策も事業もないKPIです"))
            continue
        kpi = read_kpi_row(row, rownum, layout, plan_end, problems, inferred)
        if kpi is not None:
            node.append(kpi)
            last = node
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
    book = open_workbook(path)
    default = PROGRESS_SHEET if PROGRESS_SHEET in book.sheetnames else book.sheetnames[0]
    sheet_name = sheet or default
    if sheet_name not in book.sheetnames:
        raise WorkbookError(path.name, [CellProblem(sheet_name, 0, "", "", "シートがありません")])
    grid, filled = grid_of(book[sheet_name])
    problems: list[CellProblem] = []
    inferred: list[str] = []
    layout = read_layout(grid, sheet_name, problems)
    if layout is None or problems:
        raise WorkbookError(path.name, problems)
    period = plan or plan_period(layout.title) or _period_from_columns(layout)
    if period is None:
        message = "計画期間が分かりません(表題に「期間：令和7年度～令和11年度」と書いてください)"
        problems.append(CellProblem(sheet_name, layout.header_row, "", "", message))
        raise WorkbookError(path.name, problems)
    tree = _walk_rows(grid, filled, layout, period[1], problems, inferred)
    numerical: dict[str, tuple[NumericalTarget, ...]] = {}
    if NUMERICAL_SHEET in book.sheetnames:
        numerical = read_numerical_targets(book[NUMERICAL_SHEET], set(tree.goals), problems)
    if problems:
        raise WorkbookError(path.name, problems)
    title = layout.title.split("【")[0].strip()
    goals = tree.goals_with(numerical)
    strategy = Strategy(name or title or path.stem, period[0], period[1], goals)
    return ProgressImport(strategy, tuple(inferred))


def _period_from_columns(layout: Layout) -> tuple[int, int] | None:
    years = sorted(layout.actual_columns)
    return (years[0], years[-1]) if years else None
