"""Report tables as an Excel workbook: one sheet per table, numbers with number formats.

Cells hold numbers (never the formatted text), so a planner can sum or chart them in Excel;
the printed look (△, separators, %) comes from each cell's number format, and spanning cells
become merged ranges exactly where the printed tables merge them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from sousei.io.xlsx_style import BORDER, CENTER, HEADER_FILL, save_atomically, set_widths
from sousei.reports.table import EXCEL_FORMATS, Cell, Grid, ReportTable

TITLE_ROW = 1
NOTE_ROW = 2  # 単位 and the time of the data, above the table
FIRST_ROW = 3
RIGHT = Alignment(horizontal="right", vertical="center")
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def _write_grid(ws: Worksheet, grid: Grid, top: int, header: bool) -> None:
    for r, cells in enumerate(grid):
        for c, cell in enumerate(cells):
            target = ws.cell(row=top + r, column=c + 1)
            target.border = BORDER
            if cell is None:
                continue
            _fill(target, cell, header)
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.merge_cells(
                    start_row=top + r,
                    start_column=c + 1,
                    end_row=top + r + cell.rowspan - 1,
                    end_column=c + cell.colspan,
                )


def _fill(target, cell: Cell, header: bool) -> None:
    value = cell.value
    if isinstance(value, float) and value != value:
        value = None
    target.value = value
    numeric = isinstance(value, int | float | date) and not isinstance(value, bool)
    if numeric:
        target.number_format = EXCEL_FORMATS[cell.fmt]
    if header:
        target.font = Font(bold=True)
        target.fill = HEADER_FILL
        target.alignment = CENTER
    else:
        target.alignment = RIGHT if numeric else LEFT
        if cell.emphasis:
            target.font = Font(bold=True)


def write_table(ws: Worksheet, table: ReportTable) -> None:
    ws.cell(row=TITLE_ROW, column=1, value=table.title).font = Font(bold=True, size=12)
    if table.unit:
        ws.cell(row=NOTE_ROW, column=table.columns, value=f"単位：{table.unit}")
    _write_grid(ws, table.header, FIRST_ROW, header=True)
    body_top = FIRST_ROW + len(table.header)
    _write_grid(ws, table.body, body_top, header=False)
    for i, note in enumerate(table.notes):
        ws.cell(row=body_top + len(table.body) + 1 + i, column=1, value=note)
    ws.freeze_panes = ws.cell(row=body_top, column=2)
    widths = list(table.widths) or _widths(table)
    set_widths(ws, widths)


def _widths(table: ReportTable) -> list[float]:
    """Wide enough for the longest text of each column (a CJK character counts twice)."""
    widths = [8.0] * table.columns
    for cells in (*table.header, *table.body):
        for c, cell in enumerate(cells):
            if cell is None or cell.colspan > 1:
                continue
            text = cell.text
            size = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) + 2
            widths[c] = min(max(widths[c], size), 48)
    return widths


def write_workbook(tables: Sequence[ReportTable], path: str | Path) -> Path:
    """Every table on its own sheet, written atomically (no half-written file on failure)."""
    book = Workbook()
    book.remove(book.active)
    seen: set[str] = set()
    for table in tables:
        if table.key in seen:
            raise ValueError(f"シート名 {table.key} が重複しています")
        seen.add(table.key)
        write_table(book.create_sheet(table.key), table)
    return save_atomically(book, path)
