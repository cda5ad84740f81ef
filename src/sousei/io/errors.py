"""The one error type of every reader: it names the file, sheet, row and column.

Users fix their spreadsheet from this message alone, so it is in Japanese and points at the cell.
Row numbers are those a user sees in Excel or a text editor (1-based, header included).
"""

from __future__ import annotations

from dataclasses import dataclass


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
