"""The error types of every reader: they name the file, sheet, row and column.

Users fix their spreadsheet from these messages alone, so they are in Japanese and point at the
cell. Row numbers are those a user sees in Excel or a text editor (1-based, header included).
:class:`InputError` is one problem; :class:`WorkbookError` collects every problem of a workbook
before failing, so a user fixes them in one pass. Both are raised before anything is returned or
written, so an import is all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class InputError(Exception):
    """Bad input found while reading; nothing has been written when it is raised."""

    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def location(self) -> str:
        parts = []
        if self.file:
            parts.append(f"ファイル {self.file}")
        if self.sheet:
            parts.append(f"シート {self.sheet}")
        if self.row is not None:
            parts.append(f"{self.row}行目")
        if self.column:
            parts.append(f"列 {self.column}")
        return "、".join(parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    row: int
    column: str  # spreadsheet letter, e.g. "F"
    header: str  # the column's header text, to recognise it without counting letters
    message: str

    def __str__(self) -> str:
        if self.sheet in ("", "-") and not self.row:  # the whole file, not a cell
            return self.message
        # A CSV has no sheet ("-"): its row alone, not a sheet called 「-」.
        where = f"{self.row}行目" if self.sheet in ("", "-") else f"シート「{self.sheet}」{self.row}行目"
        if self.column:
            header = f"「{self.header}」" if self.header else ""
            where += f" {self.column}列{header}"
        return f"{where}: {self.message}"


class WorkbookError(ValueError):
    """Raised with every problem found; nothing has been imported."""

    def __init__(self, file: str, problems: list[CellProblem]) -> None:
        self.file = file
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"{file} を読み込めませんでした"
            f"({len(self.problems)}件の問題。何も取り込んでいません):\n{lines}"
        )


@dataclass(frozen=True)
class Where:
    """Where the text came from: ``rows`` are editor row numbers, ``columns`` the labels to
    print per canonical column (``value`` or ``G列 (value)``)."""

    file: str
    sheet: str | None
    rows: np.ndarray
    columns: dict[str, str]

    def error(
        self, message: str, position: int | None = None, column: str | None = None
    ) -> InputError:
        row = int(self.rows[position]) if position is not None else 1
        label = self.columns.get(column, column) if column else None
        return InputError(message, file=self.file, sheet=self.sheet, row=row, column=label)
