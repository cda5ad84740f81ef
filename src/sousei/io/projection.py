"""Writing projection results: the long CSV layout (UTF-8 with BOM) or an Excel workbook.

Both appear whole or not at all (written to a temporary file, then moved into place).

Cells in the workbook are numbers with number formats (△ for negatives, separators, %),
never text, so users can compute with them.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sousei.io.atomic import replace_atomically
from sousei.io.columns import column_letter
from sousei.io.errors import InputError
from sousei.io.safe_text import csv_safe
from sousei.japanese.quantity import EXCEL_FORMATS, Quantity

PERSONS_FORMAT = EXCEL_FORMATS[Quantity.PERSONS]
SHARE_FORMAT = EXCEL_FORMATS[Quantity.RATIO]
# The 人口 sheet (the long layout): every numeric column with its format.
CELL_FORMATS = {"age_start": "0", "age_span": "0", "year": "0", "value": '#,##0.0;"△"#,##0.0'}


def write_long_csv_with_scenarios(frame: pd.DataFrame, path: Path) -> None:
    """The long layout plus a ``scenario`` column; open age spans written empty."""
    with replace_atomically(path) as temporary:
        csv_safe(frame).to_csv(temporary, index=False, encoding="utf-8-sig", float_format="%.6f")


def _write_table(sheet, frame: pd.DataFrame, kinds: list[Quantity]) -> None:
    """A simulation table: scenario (or 推計) and indicator columns, then one column per year;
    each row formatted by its kind (``kinds``, one per row); a year without a figure is an
    empty cell, not a zero."""
    sheet.append([*frame.index.names, *[int(year) for year in frame.columns]])
    for ((scenario, indicator), row), kind in zip(frame.iterrows(), kinds, strict=True):
        sheet.append([scenario, indicator,
                      *[None if pd.isna(v) else float(v) for v in row.to_numpy()]])
        for cell in sheet[sheet.max_row][2:]:
            cell.number_format = EXCEL_FORMATS[kind]
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 34
    for i in range(3, 3 + len(frame.columns)):
        sheet.column_dimensions[column_letter(i)].width = 11
    sheet.freeze_panes = "C2"


def _write_rows(sheet, frame: pd.DataFrame, formats: dict[str, str]) -> None:
    """A header row, then the frame's rows, each column with its number format."""
    sheet.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        sheet.append([None if pd.isna(v) else v for v in row])
    for index, column in enumerate(frame.columns, start=1):
        if column in formats:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = formats[column]
        sheet.column_dimensions[column_letter(index)].width = max(10, len(str(column)) + 4)


def write_projection_workbook(
    path: Path,
    tables: dict[str, pd.DataFrame],
    row_kinds: dict[str, list[Quantity]],
    summary: tuple[pd.DataFrame, dict[str, Quantity]] | None,
    cells: pd.DataFrame,
) -> None:
    """One sheet per area's simulation table (``row_kinds[title]``: the kind of each row), a
    summary sheet for batches (with the kind of each column), and the cells."""
    from openpyxl import Workbook  # only an .xlsx output needs openpyxl (and its styles)

    from sousei.io.xlsx_style import save_atomically

    book = Workbook()
    book.remove(book.active)
    if summary is not None:
        frame, kinds = summary
        _write_rows(book.create_sheet("一覧"), frame,
                    {c: EXCEL_FORMATS[k] for c, k in kinds.items() if k is not Quantity.TEXT})
    for title, table in tables.items():
        _write_table(book.create_sheet(title[:31]), table, row_kinds[title])
    _write_rows(book.create_sheet("人口(男女・5歳階級)"), cells, CELL_FORMATS)
    save_atomically(book, path)


def write_projection(
    path: str | Path,
    tables: dict[str, pd.DataFrame],
    row_kinds: dict[str, list[Quantity]],
    summary: tuple[pd.DataFrame, dict[str, Quantity]] | None,
    cells: pd.DataFrame,
) -> None:
    """Write to ``path`` by its suffix (.csv: the cells; .xlsx: the workbook)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError("出力ファイルの拡張子は .csv か .xlsx にしてください", file=str(path))
    try:
        if suffix == ".csv":
            write_long_csv_with_scenarios(cells, path)
        else:
            write_projection_workbook(path, tables, row_kinds, summary, cells)
    except OSError as error:
        raise InputError(f"書き込めません: {error}", file=str(path)) from None
