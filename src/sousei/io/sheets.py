"""Worksheet access shared by the readers: a plain grid with merged cells filled in."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from sousei.io.errors import CellProblem, InputError, WorkbookError
from sousei.io.xlsx_guard import check_xlsx

if TYPE_CHECKING:  # openpyxl is imported when a workbook is opened, not by every reader
    import openpyxl
    from openpyxl.worksheet.worksheet import Worksheet


def load_checked(source: str | Path | bytes, file: str, *, read_only: bool = False
                 ) -> openpyxl.Workbook:
    """The one way every reader opens an xlsx: the archive is checked first (size, rows,
    huge cells, damage: io/xlsx_guard.py), then loaded with the values Excel cached
    (`data_only`: formulas never run) and external links dropped (never followed or kept).
    Raises InputError naming the file (and sheet and cell where there is one)."""
    import openpyxl

    check_xlsx(source, file)
    try:
        return openpyxl.load_workbook(
            io.BytesIO(source) if isinstance(source, bytes) else source,
            read_only=read_only, data_only=True, keep_links=False,
        )
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        raise InputError(f"Excel ブック (.xlsx) として読めません ({type(exc).__name__})", file) from None


def open_workbook(path: str | Path) -> openpyxl.Workbook:
    """A workbook for the strategy readers, whose refusals are WorkbookErrors."""
    path = Path(path)
    if not path.is_file():
        raise WorkbookError(path.name, [CellProblem("-", 0, "", "", f"ファイルが見つかりません ({path})")])
    try:
        return load_checked(path, path.name)
    except InputError as error:
        problem = CellProblem(error.sheet or "-", error.row or 0, error.column or "", "",
                              error.message)
        raise WorkbookError(path.name, [problem]) from None


def grid_of(ws: Worksheet) -> tuple[list[list[object]], set[tuple[int, int]]]:
    """Cell values row by row (0-based), each merged range carrying its top-left value.

    The second result holds the cells that got their value from a merge (not the top-left),
    so a reader can tell a hierarchy carried down by merging from a new value.
    """
    grid = [list(row) for row in ws.iter_rows(values_only=True)]
    width = max((len(r) for r in grid), default=0)
    for row in grid:
        row.extend([None] * (width - len(row)))
    filled: set[tuple[int, int]] = set()
    for rng in ws.merged_cells.ranges:
        top, left = rng.min_row - 1, rng.min_col - 1
        value = grid[top][left] if top < len(grid) and left < width else None
        for r in range(top, min(rng.max_row, len(grid))):
            for c in range(left, min(rng.max_col, width)):
                if (r, c) != (top, left):
                    grid[r][c] = value
                    filled.add((r, c))
    return grid, filled
