"""One door for a user's population file: the long layout, or a wide 年齢別人口表.

The long layout carries its own area codes and years; a wide table is one area at one date,
so it needs the area code (and the year when its title does not say it). Which one a file is
is read from its first row, so users do not have to pick a format they may not know the name of.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from sousei.io.age_table import read_age_table
from sousei.io.errors import InputError
from sousei.io.long_format import read_long
from sousei.io.validate import rename_headers

# Columns only the long layout has: a file naming two of them is a long file, and a long
# file with one column misspelt gets the long reader's "column missing" error, not a guess.
LONG_MARKERS = {"area_code", "nationality", "age_start", "age_span", "value"}


def _first_row(path: Path, sheet: str | None) -> list[str]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError) as error:
            raise InputError("Excel ブック (.xlsx) として読めません", path.name) from error
        try:
            worksheet = book[sheet] if sheet in book.sheetnames else book.worksheets[0]
            row = next(worksheet.iter_rows(values_only=True, max_row=1), ())
        finally:
            book.close()
        return ["" if v is None else str(v) for v in row]
    data = path.read_bytes()[:4096]
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("utf-8-sig", errors="ignore")
    return next(csv.reader(io.StringIO(text)), [])


def is_long_layout(path: str | Path, sheet: str | None = None) -> bool:
    return len(set(rename_headers(_first_row(Path(path), sheet))) & LONG_MARKERS) >= 2


def read_population(
    path: str | Path, area_code: str | None = None, year: int | None = None,
    sheet: str | None = None,
) -> pd.DataFrame:
    """The long layout of ``path``, whichever of the two shapes it has."""
    path = Path(path)
    if not path.is_file():
        raise InputError("ファイルが見つかりません", path.name)
    if is_long_layout(path, sheet):
        return read_long(path, sheet)
    if area_code is None:
        raise InputError("年齢別人口表 (横長の表) には地域コードの指定が必要です "
                         "(縦長形式なら地域コードの列を設けてください)", path.name)
    return read_age_table(path, area_code, year, sheet)
