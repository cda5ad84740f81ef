"""One KPI row of a 事業一覧 sheet: its cells checked one by one, problems collected."""

from __future__ import annotations

from sousei.io.errors import CellProblem
from sousei.io.strategy.annotations import is_dash, split_annotations
from sousei.io.strategy.cells import (
    AGGREGATION_WORDS,
    DIRECTION_WORDS,
    cell_text,
    plain_number,
    read_actual,
    read_choice,
    read_number,
    split_year,
)
from sousei.io.strategy.progress_layout import Col, Layout
from sousei.japanese import NumberError, parse_number
from sousei.strategy import KPI, Actual, ActualState, Judgement, TargetKind, read_target


class _Row:
    """Cell access by column role, turning each failure into a located problem and each
    interpretation into a located line for the import report."""

    def __init__(
        self, row: list[object], rownum: int, layout: Layout, problems: list, readings: list
    ) -> None:
        self.row, self.rownum, self.layout, self.problems = row, rownum, layout, problems
        self.readings = readings
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

    def read_as(self, index: int, line: str) -> None:
        self.readings.append(str(self.layout.problem(self.rownum, index, line)))

    def read_at(self, col: Col, line: str) -> None:
        self.read_as(self.layout.columns[col], line)


def _baseline(cells: _Row) -> tuple[float | None, int | None, str, str]:
    """(value, fiscal year, worded baseline or the note beside the figure, unit in the cell)."""
    text = cells.text(Col.BASELINE)
    if not text:
        return None, None, "", ""  # no baseline, so no baseline year either
    raw = cells.raw(Col.BASELINE)
    if isinstance(raw, int | float):
        return float(raw), cells.layout.baseline_year, "", ""
    parts = split_annotations(text)
    year = parts.year or cells.layout.baseline_year
    try:
        parsed = parse_number(parts.body)
    except NumberError:
        worded, tagged = split_year(text)
        # words are kept as typed (full-width colon and all) unless a year tag came off
        return None, tagged or cells.layout.baseline_year, worded if tagged else text, ""
    if parts.notes:
        cells.read_at(Col.BASELINE, f"「{text}」→ 基準値 {parts.body} 注記「{parts.note}」")
    return parsed.value, year, parts.note, parsed.unit


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


def _actuals(
    cells: _Row, unit: str, qualitative: bool
) -> tuple[tuple[Actual, ...], list[tuple[int, str]]]:
    """The row's actuals and the cells that could not be read, (column index, message)."""
    actuals, unread = [], []
    for year, index in sorted(cells.layout.actual_columns.items()):
        value = cells.row[index] if index < len(cells.row) else None
        readings: list[str] = []
        try:
            actual = read_actual(value, year, unit, qualitative, readings)
        except NumberError as exc:
            unread.append((index, f"実績値が数値として読めません({exc})"))
            continue
        for line in readings:
            cells.read_as(index, line)
        if actual is not None:
            actuals.append(actual)
    return tuple(actuals), unread


def _comparison(cells: _Row, unit: str) -> float | None:
    text = cells.text(Col.COMPARISON)
    if not text:
        return None
    if is_dash(text):
        line = f"「{text}」→ 目標値比較の実績値なし(各年度の実績値で評価)"
        cells.read_at(Col.COMPARISON, line)
        return None
    raw = cells.raw(Col.COMPARISON)
    parts = split_annotations(text)
    try:
        value = read_number(raw if isinstance(raw, int | float) else parts.body, unit)
    except NumberError as exc:
        cells.fail_at(Col.COMPARISON, f"実績値(目標値比較)が数値として読めません({exc})")
        return None
    if parts.year or parts.notes:
        cells.read_at(Col.COMPARISON, f"「{text}」→ 目標値比較の実績値 {plain_number(value)}{unit}")
    return value


def _judgement(cells: _Row, qualitative: bool, actuals: tuple[Actual, ...]) -> Judgement | None:
    """A qualitative KPI's grade cell is its recorded judgement, unless the latest actual
    already fails it (未実施, —): then the cell only repeats the grade sousei derives."""
    grade = cells.text(Col.GRADE)
    if not qualitative or not grade:
        return None
    if actuals and actuals[-1].state in (ActualState.NOT_CARRIED_OUT, ActualState.NOT_OBTAINABLE):
        return None
    return Judgement(grade, cells.text(Col.REASON))


def _read_values(
    cells: _Row, unit: str, qualitative: bool
) -> tuple[tuple[Actual, ...], bool]:
    """The actuals; a KPI whose worded results cannot be figures but whose grade is recorded
    (`小学校:平均△2.0 中学校:平均△5.0` with ○ in 総合評価) is judged, as a person reads it."""
    actuals, unread = _actuals(cells, unit, qualitative)
    if unread and not qualitative and cells.text(Col.GRADE):
        actuals, unread = _actuals(cells, unit, True)
        grade = cells.text(Col.GRADE)
        line = f"数値でない実績値のため、記入済みの総合評価「{grade}」を判定として記録しました"
        cells.read_at(Col.GRADE, line)
        qualitative = True
    for index, message in unread:
        cells.fail(index, message)
    return actuals, qualitative


def read_kpi_row(
    row: list[object],
    rownum: int,
    layout: Layout,
    plan_end: int,
    problems: list[CellProblem],
    inferred: list[str],
    readings: list[str] | None = None,
) -> KPI | None:
    """The KPI of one row, or None after recording why it cannot be read."""
    cells = _Row(row, rownum, layout, problems, [] if readings is None else readings)
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
    if baseline_unit and unit and baseline_unit != unit:
        message = f"単位「{baseline_unit}」はこのKPIの単位「{unit}」と一致しません"
        cells.fail_at(Col.BASELINE, message)
    actuals, judged = _read_values(cells, unit, qualitative)
    if baseline_note and baseline is None and not judged:
        line = f"「{baseline_note}」→ 数値でない基準値(文言として記録。進捗率の算定には使いません)"
        cells.read_at(Col.BASELINE, line)
    comparison = _comparison(cells, unit)
    judgement = _judgement(cells, judged, actuals)
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
