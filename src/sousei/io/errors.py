"""Import errors that say where: file, sheet, row and column, in Japanese.

Readers collect every problem of a workbook before failing, so a user fixes them in one pass;
they raise before returning anything, so an import is all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    row: int
    column: str  # spreadsheet letter, e.g. "F"
    header: str  # the column's header text, to recognise it without counting letters
    message: str

    def __str__(self) -> str:
        where = f"シート「{self.sheet}」{self.row}行目"
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
