"""The documented long format as CSV or as an xlsx sheet (see docs/data-format.md).

CSV is written as UTF-8 with a BOM so that Excel opens the Japanese text correctly; an open
age group is written with an empty age_span. Files are written to a temporary name and moved
into place, so a failed write never leaves half a file behind.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd

from sousei.io.atomic import replace_atomically
from sousei.io.columns import column_letter
from sousei.io.errors import InputError, Where
from sousei.io.population.layout import COLUMNS, canonical
from sousei.io.population.validate import parse_long, rename_headers
from sousei.io.safe_text import csv_safe
from sousei.io.sheets import load_checked
from sousei.io.upload_table import cell_text, check_cell_lengths, decode_csv, parser_row

DEFAULT_SHEET = "人口"


def read_long(path: str | Path, sheet: str | None = None) -> pd.DataFrame:
    """Read the long format from ``.csv`` or ``.xlsx`` (chosen by the suffix)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_long_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return read_long_csv(path)
    raise InputError("CSV (.csv) か Excel ブック (.xlsx) を指定してください", path.name)


def write_long(frame: pd.DataFrame, path: str | Path) -> None:
    """Write the long format as ``.csv`` or ``.xlsx`` (chosen by the suffix)."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        write_long_xlsx(frame, path)
    elif path.suffix.lower() == ".csv":
        write_long_csv(frame, path)
    else:
        raise InputError("出力先は .csv か .xlsx にしてください", path.name)


def _require_file(path: Path) -> None:
    if not path.is_file():
        raise InputError("ファイルが見つかりません", path.name)


def read_long_csv(path: str | Path) -> pd.DataFrame:
    """Read and validate a long-format CSV (UTF-8 with or without BOM, cp932 as Excel writes on
    Japanese Windows, or UTF-16 with its BOM)."""
    path = Path(path)
    _require_file(path)
    text = decode_csv(path.read_bytes(), path.name)
    try:
        raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False,
                          skip_blank_lines=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise InputError(f"CSV として読めません ({error})", path.name, None,
                         parser_row(error)) from None
    check_cell_lengths(raw, path.name)
    raw.columns = rename_headers([str(c) for c in raw.columns])
    blank = raw.isna().all(axis=1) | (
        raw.fillna("").astype(str).apply(lambda c: c.str.strip()) == ""
    ).all(axis=1)
    rows = np.arange(len(raw)) + 2  # header is row 1
    raw, rows = raw[~blank].reset_index(drop=True), rows[~blank.to_numpy()]
    where = Where(path.name, None, rows, {c: c for c in COLUMNS})
    return parse_long(raw, where)



def _format_value(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _text_rows(frame: pd.DataFrame) -> pd.DataFrame:
    frame = canonical(frame)
    span = frame["age_span"].astype(object).where(frame["age_span"].notna(), "")
    return pd.DataFrame(
        {
            "area_code": frame["area_code"],
            "nationality": frame["nationality"],
            "sex": frame["sex"],
            "age_start": frame["age_start"].astype(str),
            "age_span": span.astype(str),
            "year": frame["year"].astype(str),
            "value": [_format_value(v) for v in frame["value"]],
        }
    )


def write_long_csv(frame: pd.DataFrame, path: str | Path) -> None:
    """Write the frame in the long format (UTF-8 with BOM, open age_span empty)."""
    path = Path(path)
    text = _text_rows(frame)
    with replace_atomically(path) as temporary:
        csv_safe(text).to_csv(temporary, index=False, encoding="utf-8-sig", lineterminator="\n")


def write_long_xlsx(frame: pd.DataFrame, path: str | Path, sheet: str = DEFAULT_SHEET) -> None:
    """Write the long format into one sheet of a new workbook (numbers as numbers)."""
    path = Path(path)
    frame = canonical(frame)
    from openpyxl import Workbook  # writing a workbook is the only use of openpyxl here

    from sousei.io.xlsx_style import text_cells

    book = Workbook(write_only=True)
    worksheet = book.create_sheet(sheet)
    worksheet.append(list(COLUMNS))
    spans = frame["age_span"].astype(object).where(frame["age_span"].notna(), None)
    for record, span in zip(frame.itertuples(index=False), spans, strict=True):
        value = int(record.value) if float(record.value).is_integer() else float(record.value)
        worksheet.append(
            text_cells(worksheet, [
                record.area_code,
                record.nationality,
                record.sex,
                int(record.age_start),
                None if span is None else int(span),
                int(record.year),
                value,
            ])
        )
    with replace_atomically(path) as temporary:
        book.save(temporary)


def read_long_xlsx(path: str | Path, sheet: str | None = None) -> pd.DataFrame:
    """Read and validate the long format from a sheet (the first one unless named); the
    header must be on row 1, and errors name the sheet, row and column letter."""
    path = Path(path)
    _require_file(path)
    book = load_checked(path, path.name, read_only=True)
    try:
        if sheet is not None and sheet not in book.sheetnames:
            names = "、".join(book.sheetnames)
            raise InputError(f"シート {sheet} がありません (あるシート: {names})", path.name)
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        cells = [[cell_text(v) for v in row] for row in worksheet.iter_rows(values_only=True)]
    finally:
        book.close()
    name = worksheet.title
    if not cells:
        raise InputError("シートが空です", path.name, name, 1)
    headers = rename_headers(cells[0])
    letters = {h: f"{column_letter(i + 1)}列 ({h})" for i, h in enumerate(headers)}
    width = len(headers)
    body = [row[:width] + [""] * (width - len(row)) for row in cells[1:]]
    raw = pd.DataFrame(body, columns=headers, dtype=str)
    keep = (raw.apply(lambda c: c.str.strip()) != "").any(axis=1).to_numpy()
    rows = (np.arange(len(raw)) + 2)[keep]
    return parse_long(raw[keep].reset_index(drop=True), Where(path.name, name, rows, letters))
