"""One KPI row of a 事業一覧 sheet: its cells checked one by one, problems collected."""

from __future__ import annotations

from sousei.io.errors import CellProblem
from sousei.io.strategy.cells import (
    AGGREGATION_WORDS,
    DIRECTION_WORDS,
    cell_text,
    read_actual,
    read_choice,
    read_number,
    split_year,
)
from sousei.io.strategy.progress_layout import Col, Layout
from sousei.japanese import NumberError, parse_number
from sousei.strategy import KPI, Actual, ActualState, Judgement, TargetKind, read_target


class _Row:
    """Cell access by column role, turning each failure into a located problem."""

    def __init__(self, row: list[object], rownum: int, layout: Layout, problems: list) -> None:
        self.row, self.rownum, self.layout, self.problems = row, rownum, layout, problems
        self.failed = False

    def raw(self, col: Col) -> object:
        index = self.layout.columns.get(col)
        return self.row[index] if index is not None and index < len(self.row) else None

    def text(self, col: Col) -> str:
        return cell_text(self.raw(col))

    def fail(self, index: int, message: str) -> None:
        self.problems.append(self.layout.problem(self.rownum, index, message))
        self.failed = True

    def fail_at(self, col: Col, message: str) -> None:
        self.fail(self.layout.columns[col], message)


def _baseline(cells: _Row) -> tuple[float | None, int | None, str, str]:
    """(value, fiscal year, worded baseline, unit written in the cell)."""
    text, year = split_year(cells.text(Col.BASELINE))
    if not text:
        return None, None, "", ""  # no baseline, so no baseline year either
    year = year or cells.layout.baseline_year
    raw = cells.raw(Col.BASELINE)
    try:
        parsed = parse_number(raw if isinstance(raw, int | float) else text)
    except NumberError:
        return None, year, text, ""
    return parsed.value, year, "", parsed.unit


def _choices(cells: _Row) -> tuple[object, object]:
    found = []
    for col, words, what in (
        (Col.KPI_DIRECTION, DIRECTION_WORDS, "方向"),
        (Col.AGGREGATION, AGGREGATION_WORDS, "集計"),
    ):
        try:
            found.append(read_choice(cells.raw(col), words, what))
        except NumberError as exc:
            cells.fail_at(col, str(exc))
            found.append(None)
    return found[0], found[1]


def _actuals(cells: _Row, unit: str, qualitative: bool) -> tuple[Actual, ...]:
    actuals = []
    for year, index in sorted(cells.layout.actual_columns.items()):
        value = cells.row[index] if index < len(cells.row) else None
        try:
            actual = read_actual(value, year, unit, qualitative)
        except NumberError as exc:
            cells.fail(index, f"実績値が数値として読めません({exc})")
            continue
        if actual is not None:
            actuals.append(actual)
    return tuple(actuals)


def _comparison(cells: _Row, unit: str) -> float | None:
    if not cells.text(Col.COMPARISON):
        return None
    try:
        return read_number(cells.raw(Col.COMPARISON), unit)
    except NumberError as exc:
        cells.fail_at(Col.COMPARISON, f"実績値(目標値比較)が数値として読めません({exc})")
        return None


def _judgement(cells: _Row, qualitative: bool, actuals: tuple[Actual, ...]) -> Judgement | None:
    """A qualitative KPI's grade cell is its recorded judgement, unless the latest actual
    already fails it (未実施, —): then the cell only repeats the grade sousei derives."""
    grade = cells.text(Col.GRADE)
    if not qualitative or not grade:
        return None
    if actuals and actuals[-1].state in (ActualState.NOT_CARRIED_OUT, ActualState.NOT_OBTAINABLE):
        return None
    return Judgement(grade, cells.text(Col.REASON))


def read_kpi_row(
    row: list[object],
    rownum: int,
    layout: Layout,
    plan_end: int,
    problems: list[CellProblem],
    inferred: list[str],
) -> KPI | None:
    """The KPI of one row, or None after recording why it cannot be read."""
    cells = _Row(row, rownum, layout, problems)
    name = cells.text(Col.KPI)
    direction, aggregation = _choices(cells)
    target_text = cells.text(Col.TARGET)
    if not target_text:
        cells.fail_at(Col.TARGET, "目標値がありません")
        return None
    baseline, baseline_year, baseline_note, baseline_unit = _baseline(cells)
    reading = read_target(
        target_text,
        layout.target_year or plan_end,
        baseline,
        direction,  # type: ignore[arg-type]
        aggregation,  # type: ignore[arg-type]
    )
    qualitative = reading.target.kind is TargetKind.QUALITATIVE
    unit = cells.text(Col.UNIT) or reading.unit or baseline_unit
    if baseline_note and not qualitative:
        cells.fail_at(Col.BASELINE, f"基準値が数値として読めません: {baseline_note!r}")
    elif baseline_unit and unit and baseline_unit != unit:
        message = f"単位「{baseline_unit}」はこのKPIの単位「{unit}」と一致しません"
        cells.fail_at(Col.BASELINE, message)
    actuals = _actuals(cells, unit, qualitative)
    comparison = _comparison(cells, unit)
    judgement = _judgement(cells, qualitative, actuals)
    if cells.failed:
        return None
    if reading.inferred:
        inferred.append(f"{layout.sheet} {rownum}行目「{name}」: {'; '.join(reading.inferred)}")
    return KPI(
        name=name,
        unit=unit,
        direction=reading.direction,
        aggregation=reading.aggregation,
        target=reading.target,
        baseline=baseline,
        baseline_year=baseline_year,
        baseline_note=baseline_note,
        actuals=actuals,
        comparison_value=comparison,
        department=cells.text(Col.DEPARTMENT),
        judgement=judgement,
    )
