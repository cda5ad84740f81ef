"""Looks shared by the workbooks sousei writes, and saving without leaving half a file."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sousei.io.atomic import replace_atomically
from sousei.io.safe_text import looks_like_formula

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
PERCENT_FORMAT = '0.0"%"'


def number_format(value: float) -> str:
    """Thousands separators, △ for negatives, as many decimals as the value has (up to 4)."""
    text = repr(float(value))
    decimals = 0 if float(value).is_integer() else min(len(text.split(".")[1]), 4)
    body = "#,##0" + ("." + "0" * decimals if decimals else "")
    return f'{body};"△"{body}'


def style_header(ws: Worksheet, row: int, count: int) -> None:
    for col in range(1, count + 1):
        cell = ws.cell(row=row, column=col)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = CENTER
        cell.border = BORDER


def set_widths(ws: Worksheet, widths: list[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def neutralise_formulas(book: Workbook) -> int:
    """Make every cell that would be evaluated as a formula plain text, shown as typed (quote
    prefix, so Excel keeps it text even when the cell is edited). The project writes no
    formulas of its own, so any `=` cell came from user text. Returns how many were changed."""
    changed = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or looks_like_formula(cell.value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
                    changed += 1
    return changed


def text_cells(sheet: Worksheet, values: list[object]) -> list[object]:
    """A row for a write-only sheet (which cannot be revisited before saving), formula-like
    text wrapped as quoted text cells."""
    out: list[object] = []
    for value in values:
        if looks_like_formula(value):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            cell.quotePrefix = True
            out.append(cell)
        else:
            out.append(value)
    return out


def save_atomically(book: Workbook, path: str | Path) -> Path:
    """Neutralise formula-like text, write to a temporary file beside `path` (with the mode
    the umask gives), then rename: a reader never sees half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    neutralise_formulas(book)
    with replace_atomically(path, suffix=".xlsx") as temporary:
        book.save(temporary)
    return path
