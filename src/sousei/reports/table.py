"""One table model for every output: the XLSX builder and the HTML templates read the same grid.

A table is a grid of cells; a cell spanning rows or columns leaves ``None`` in the positions it
covers, so Excel merges and HTML rowspan/colspan come from one description. Values stay numbers
with a format name; how a format prints is decided by each writer (Excel number formats here,
Japanese text with △ and % in :func:`display`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sousei.japanese import format_number, format_percent

# Format name -> Excel number format. Shares are fractions (0.287 -> 28.7%); "percent" values
# are already in per cent (achievement 57.5 -> 57.5%); "percent0" prints whole per cent.
EXCEL_FORMATS: dict[str, str] = {
    "count": '#,##0;"△"#,##0',
    "count1": '#,##0.0;"△"#,##0.0',
    "share": '0.0%;"△"0.0%',
    "percent": '0.0"%";"△"0.0"%"',
    "percent0": '0"%"',
    "ratio": "0.00",
    "year": "0",
    "date": "yyyy/m/d",
    "text": "@",
}


LONG_TABLE_ROWS = 12  # body rows beyond which a printed table may break across pages


@dataclass(frozen=True)
class Cell:
    value: object = None
    fmt: str = "text"
    rowspan: int = 1
    colspan: int = 1
    emphasis: bool = False  # a row label or a sub-heading inside the body
    nowrap: bool = False  # short words printed on one line (担当課, 15～19歳→20～24歳)

    def __post_init__(self) -> None:
        if self.fmt not in EXCEL_FORMATS:
            raise ValueError(f"unknown cell format {self.fmt!r}")

    @property
    def text(self) -> str:
        return display(self.value, self.fmt)

    @property
    def numeric(self) -> bool:
        """Right-aligned in print: numbers and the — that stands in for a missing one."""
        return self.fmt not in ("text", "year") and not isinstance(self.value, str)


Grid = tuple[tuple[Cell | None, ...], ...]


@dataclass(frozen=True)
class ReportTable:
    """A titled table: ``key`` names its sheet (31 characters at most), header and body grids."""

    key: str
    title: str
    header: Grid
    body: Grid
    notes: tuple[str, ...] = ()
    unit: str = ""  # 単位 printed above the table, e.g. 人
    widths: tuple[float, ...] = field(default=())

    def __post_init__(self) -> None:
        if len(self.key) > 31:
            raise ValueError(f"sheet name {self.key!r} is longer than Excel allows")
        width = {len(row) for row in (*self.header, *self.body)}
        if len(width) > 1:
            raise ValueError(f"table {self.key!r} has rows of different widths {sorted(width)}")

    @property
    def long(self) -> bool:
        """More rows than an A4 page holds: allowed to break across pages in print."""
        return len(self.body) > LONG_TABLE_ROWS

    @property
    def columns(self) -> int:
        rows = self.header or self.body
        return len(rows[0]) if rows else 0


def display(value: object, fmt: str) -> str:
    """The value as a Japanese table prints it: `△1,825`, `28.7%`, `1.41`, `—` for missing."""
    if value is None:
        return "" if fmt == "text" else "—"
    if isinstance(value, str) or fmt == "text":
        return str(value)
    if fmt == "date":  # a datetime.date: 2025/3/10, as Excel prints yyyy/m/d
        return f"{value.year}/{value.month}/{value.day}"  # type: ignore[attr-defined]
    number = float(value)  # type: ignore[arg-type]
    if number != number:  # NaN
        return "—"
    if fmt == "count":
        return format_number(number)
    if fmt == "count1":
        return format_number(number, 1)
    if fmt == "share":
        return format_percent(number * 100)
    if fmt == "percent":
        return format_percent(number)
    if fmt == "percent0":
        return format_percent(number, 0)
    if fmt == "ratio":
        return format_number(number, 2)
    return str(int(number)) if fmt == "year" else str(value)


def row(*cells: Cell | None) -> tuple[Cell | None, ...]:
    return tuple(cells)


def spanned(cell: Cell, width: int) -> tuple[Cell | None, ...]:
    """A cell spanning ``width`` columns, followed by the positions it covers."""
    return (Cell(cell.value, cell.fmt, cell.rowspan, width, cell.emphasis), *([None] * (width - 1)))


def merge_down(
    rows: list[list[Cell | None]], column: int, keys: list[object] | None = None
) -> None:
    """Merge runs of rows with equal ``keys`` (default: the cell's value) in ``column``.

    Keys let a hierarchy merge a measure only within its own basic goal, even when two goals
    happen to name a measure alike.
    """
    keys = keys or [r[column].value if r[column] is not None else None for r in rows]
    start = 0
    for i in range(1, len(rows) + 1):
        if i < len(rows) and keys[i] == keys[start] and keys[start] not in (None, ""):
            continue
        first = rows[start][column]
        if i - start > 1 and first is not None:
            rows[start][column] = Cell(first.value, first.fmt, i - start, 1, first.emphasis)
            for j in range(start + 1, i):
                rows[j][column] = None
        start = i
