"""Worksheet access shared by the readers: a plain grid with merged cells filled in."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from sousei.io.errors import CellProblem, WorkbookError


def open_workbook(path: str | Path) -> openpyxl.Workbook:
    """Cached values only (`data_only`): formulas are never run, their last results are read."""
    path = Path(path)
    try:
        return openpyxl.load_workbook(path, data_only=True)
    except FileNotFoundError:
        missing = CellProblem("-", 0, "", "", f"ファイルが見つかりません ({path})")
        raise WorkbookError(path.name, [missing]) from None
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        problem = CellProblem("-", 0, "", "", f"Excelファイル(.xlsx)として開けません: {exc}")
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
