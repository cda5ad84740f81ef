"""One door for a user's population file: the long layout, a census table or a 年齢別人口表.

The long layout carries its own area codes and years, and so do census tables (an e-Stat
download with its metadata rows, or the ecitizen table wide by year); a wide 住基 table is one
area at one date, so it needs the area code (and the year when its title does not say it).
Which one a file is is read from its header, so users do not have to pick a format they may not
know the name of.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from sousei.io import juki_sheet
from sousei.io.errors import InputError
from sousei.io.population.age_table import age_table_from_grid, read_grid
from sousei.io.population.census import read_census
from sousei.io.population.estat import find_header, one_area, read_census_grid
from sousei.io.population.estat_checks import allocate_unknown
from sousei.io.population.juki_soumu import read_juki_ages
from sousei.io.population.layout import canonical
from sousei.io.population.long_format import read_long
from sousei.io.population.validate import rename_headers
from sousei.io.reference.codes import AreaCodeError, normalize_code
from sousei.io.sheets import load_checked

# Columns only the long layout has: a file naming two of them is a long file, and a long
# file with one column misspelt gets the long reader's "column missing" error, not a guess.
LONG_MARKERS = {"area_code", "nationality", "age_start", "age_span", "value"}
# The ecitizen census table (code, sex, age_group, y1980 ... y2015), as sousei ships it.
ECITIZEN_MARKERS = {"code", "sex", "age_group"}


def _first_row(path: Path, sheet: str | None) -> list[str]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        book = load_checked(path, path.name, read_only=True)
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


def read_population(
    path: str | Path, area_code: str | None = None, year: int | None = None,
    sheet: str | None = None,
) -> pd.DataFrame:
    """The long layout of ``path``, whichever of the two shapes it has."""
    path = Path(path)
    if not path.is_file():
        raise InputError("ファイルが見つかりません", path.name)
    if juki_sheet.is_juki_file(path):
        return _read_juki(path, area_code)
    first = _first_row(path, sheet)
    if len(set(rename_headers(first)) & LONG_MARKERS) >= 2:
        return read_long(path, sheet)
    if {c.strip() for c in first} >= ECITIZEN_MARKERS:
        return _read_ecitizen(path, area_code)
    grid, sheet_name = read_grid(path, sheet)
    header = find_header(grid)
    if header is not None:
        return read_census_grid(grid, header, path.name, sheet_name, area_code, year)
    if area_code is None:
        raise InputError("年齢別人口表 (横長の表) には地域コードの指定が必要です "
                         "(縦長形式なら地域コードの列を設けてください)", path.name)
    return age_table_from_grid(grid, path.name, sheet_name, area_code, year)


def _read_juki(path: Path, area_code: str | None) -> pd.DataFrame:
    """A 総務省 住基 age table: every area of the file, or ``area_code`` alone.

    ``frame.attrs`` carries the reference date, the notes (every interpretation made) and the
    area kinds, so callers can tell a user what was read and pick areas without double counting.
    """
    title = juki_sheet.title_of(juki_sheet.read_sheet(path, max_rows=2))
    if "人口動態" in title and "年齢" not in title:
        raise InputError("人口・世帯数・人口動態の表です: 基準人口には年齢階級別人口の表 "
                         "(…nsnen / …gsnen / …ssnen) を指定してください", path.name)
    table = read_juki_ages(path)
    frame = table.frame
    if area_code is not None:
        try:
            code = normalize_code(area_code)
        except AreaCodeError as error:
            raise InputError(str(error), path.name) from None
        frame = frame[frame["area_code"] == code].reset_index(drop=True)
        if frame.empty:
            raise InputError(f"地域コード {code} の行がこの表にありません", path.name)
    frame.attrs.update(juki=True, reference_date=table.reference_date.isoformat(),
                       notes=list(table.notes), footnotes=list(table.footnotes))
    return frame


def _read_ecitizen(path: Path, area_code: str | None) -> pd.DataFrame:
    """The shipped census layout, 年齢不詳 allocated as for an e-Stat table."""
    if path.suffix.lower() not in (".csv", ".txt"):
        raise InputError("国勢調査の表 (code, sex, age_group, y1980 …) は CSV にしてください",
                         path.name)
    try:
        tables = read_census(path, path.name)
    except (ValueError, KeyError) as error:
        raise InputError(f"国勢調査の表として読めません ({error})", path.name) from None
    frame = allocate_unknown(tables.population, tables.age_unknown)
    return canonical(one_area(frame, area_code))
