"""Writing projection results: the long CSV layout (UTF-8 with BOM) or an Excel workbook.

Both appear whole or not at all (written to a temporary file, then moved into place).

Cells in the workbook are numbers with number formats (△ for negatives, separators, %),
never text, so users can compute with them.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from sousei.io.atomic import replace_atomically
from sousei.io.errors import InputError
from sousei.io.safe_text import csv_safe
from sousei.io.xlsx_style import save_atomically

PERSONS_FORMAT = '#,##0;"△"#,##0'
SHARE_FORMAT = '0.0%;"△"0.0%'


def write_long_csv_with_scenarios(frame: pd.DataFrame, path: Path) -> None:
    """The long layout plus a ``scenario`` column; open age spans written empty."""
    with replace_atomically(path) as temporary:
        csv_safe(frame).to_csv(temporary, index=False, encoding="utf-8-sig", float_format="%.6f")


def _write_table(sheet, frame: pd.DataFrame, share_rows: set[str]) -> None:
    """A simulation table: scenario (or 推計) and indicator columns, then one column per year;
    a year without a figure is an empty cell, not a zero."""
    sheet.append([*frame.index.names, *[int(year) for year in frame.columns]])
    for (scenario, indicator), row in frame.iterrows():
        sheet.append([scenario, indicator,
                      *[None if pd.isna(v) else float(v) for v in row.to_numpy()]])
        number_format = SHARE_FORMAT if indicator in share_rows else PERSONS_FORMAT
        for cell in sheet[sheet.max_row][2:]:
            cell.number_format = number_format
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 34
    for i in range(3, 3 + len(frame.columns)):
        sheet.column_dimensions[get_column_letter(i)].width = 11
    sheet.freeze_panes = "C2"


def write_projection_workbook(
    path: Path,
    tables: dict[str, pd.DataFrame],
    share_rows: set[str],
    summary: pd.DataFrame | None,
    cells: pd.DataFrame,
) -> None:
    """One sheet per area's simulation table, a summary sheet for batches, and the cells."""
    book = Workbook()
    book.remove(book.active)
    if summary is not None:
        sheet = book.create_sheet("一覧")
        sheet.append(list(summary.columns))
        for row in summary.itertuples(index=False):
            sheet.append(list(row))
    for title, table in tables.items():
        _write_table(book.create_sheet(title[:31]), table, share_rows)
    data = book.create_sheet("人口(男女・5歳階級)")
    data.append(list(cells.columns))
    for row in cells.itertuples(index=False):
        data.append([None if pd.isna(v) else v for v in row])
    save_atomically(book, path)


def write_projection(
    path: str | Path,
    tables: dict[str, pd.DataFrame],
    share_rows: set[str],
    summary: pd.DataFrame | None,
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
            write_projection_workbook(path, tables, share_rows, summary, cells)
    except OSError as error:
        raise InputError(f"書き込めません: {error}", file=str(path)) from None
