"""A small uploaded table (CSV or xlsx, from bytes) as text cells with the rows a user sees.

The moves and foreign-resident readers share this: municipalities export CSV from Excel in
Shift_JIS (cp932) or UTF-8, or send the .xlsx itself, with Japanese or English headers. The
cells come back as strings together with a :class:`~sousei.io.population.validate.Where` that turns a
position into the file / sheet / row / column of an :class:`InputError`, so every check after
this one points at the cell to fix.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from sousei.demography.bounds import MAX_PERSONS
from sousei.io.columns import column_letter
from sousei.io.csv_text import decode_csv, parser_row
from sousei.io.errors import InputError, Where
from sousei.io.reference.codes import AreaCodeError, is_known_code, normalize_code
from sousei.io.sheets import load_checked
from sousei.io.xlsx_guard import MAX_CELL_CHARS
from sousei.japanese.clock import today_jst

FIRST_YEAR = 1950  # earlier than any register or census series a municipality keeps
ZERO_DASHES = {"-", "－", "−", "―", "—", "‐"}  # printed for zero in published tables


def _first(mask: pd.Series | np.ndarray) -> int:
    return int(np.flatnonzero(np.asarray(mask))[0])


def cell_text(value: object) -> str:
    """A spreadsheet cell as the text a user typed (an integral float without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def xlsx_cells(data: bytes, file: str) -> tuple[list[list[str]], str]:
    book = load_checked(data, file, read_only=True)
    try:
        sheet = book.worksheets[0]
        cells = [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        return cells, sheet.title
    finally:
        book.close()


def _too_long(file: str, row: int | None, column: str | None = None) -> InputError:
    return InputError(f"セルの文字数が上限 {MAX_CELL_CHARS:,} 字を超えています", file, None, row,
                      column)


def csv_rows(text: str, file: str) -> list[list[str]]:
    """The rows of a CSV text; a cell longer than a spreadsheet cell may be, or a line the
    csv module cannot split, is refused with its row (and column) instead of raising."""
    reader = csv.reader(io.StringIO(text))
    rows: list[list[str]] = []
    try:
        for row in reader:
            if row and max(map(len, row)) > MAX_CELL_CHARS:
                column = next(i for i, cell in enumerate(row) if len(cell) > MAX_CELL_CHARS)
                raise _too_long(file, reader.line_num, column_letter(column + 1))
            rows.append(row)
    except csv.Error as error:
        if "field larger" in str(error):
            raise _too_long(file, reader.line_num) from None
        raise InputError(f"CSV として読めません ({error})", file, None, reader.line_num) from None
    return rows


def check_cell_lengths(frame: pd.DataFrame, file: str, first_row: int = 2) -> None:
    """Refuse a text cell longer than a spreadsheet cell may be (vectorised over columns)."""
    for index, column in enumerate(frame.columns):
        lengths = frame[column].astype(str).str.len().to_numpy()
        if len(lengths) and lengths.max() > MAX_CELL_CHARS:
            raise _too_long(file, first_row + _first(lengths > MAX_CELL_CHARS),
                            column_letter(index + 1))


def _csv_frame(data: bytes, file: str) -> pd.DataFrame:
    text = decode_csv(data, file)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False,
                            skip_blank_lines=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise InputError(f"CSV として読めません ({error})", file, None, parser_row(error)) from None
    check_cell_lengths(frame, file)
    return frame


def read_text_table(data: bytes, file: str, aliases: dict[str, str],
                    required: tuple[str, ...]) -> tuple[pd.DataFrame, Where]:
    """Cells of the first sheet (xlsx) or of the CSV, headers translated by ``aliases``;
    blank rows dropped; a missing required column is an error on row 1."""
    is_xlsx = data[:4] == b"PK\x03\x04" or Path(file).suffix.lower() in (".xlsx", ".xlsm")
    sheet = None
    if is_xlsx:
        cells, sheet = xlsx_cells(data, file)
        if not cells:
            raise InputError("シートが空です", file, sheet, 1)
        headers = [_header(h, aliases) for h in cells[0]]
        width = len(headers)
        body = [row[:width] + [""] * (width - len(row)) for row in cells[1:]]
        raw = pd.DataFrame(body, columns=headers, dtype=str)
        labels = {h: f"{column_letter(i + 1)}列 ({h})" for i, h in enumerate(headers)}
    else:
        raw = _csv_frame(data, file)
        raw.columns = [_header(str(h), aliases) for h in raw.columns]
        labels = {h: h for h in raw.columns}
    missing = [c for c in required if c not in raw.columns]
    if missing:
        raise InputError(f"列 {'、'.join(missing)} がありません (見出しは1行目)", file, sheet, 1)
    raw = raw.fillna("").astype(str).apply(lambda c: c.str.strip())
    keep = (raw != "").any(axis=1).to_numpy()
    rows = (np.arange(len(raw)) + 2)[keep]  # header is row 1
    raw = raw[keep].reset_index(drop=True)
    if raw.empty:
        raise InputError("データ行がありません", file, sheet, 2)
    return raw, Where(file, sheet, rows, labels)


def _header(text: str, aliases: dict[str, str]) -> str:
    key = unicodedata.normalize("NFKC", text).strip()
    return aliases.get(key, key)


def whole_numbers(text: pd.Series, column: str, where: Where, what: str) -> np.ndarray:
    """Counts of persons: whole numbers >= 0, thousands separators allowed, a dash is zero."""
    cleaned = text.map(lambda s: unicodedata.normalize("NFKC", s)).str.replace(",", "")
    cleaned = cleaned.where(~text.isin(ZERO_DASHES), "0")
    numbers = pd.to_numeric(cleaned.str.replace(r"\.0+$", "", regex=True), errors="coerce")
    if (text == "").any():
        raise where.error(f"{what}が空欄です (0 なら 0 と書いてください)", _first(text == ""),
                          column)
    bad = numbers.isna() | (numbers != numbers.round())
    if bad.any():
        position = _first(bad)
        raise where.error(f"{what} {text.iloc[position]!r} が整数ではありません", position,
                          column)
    if (numbers < 0).any():
        position = _first(numbers < 0)
        raise where.error(f"{what}が負の値 ({text.iloc[position]}) です", position, column)
    if (numbers > MAX_PERSONS).any():
        position = _first(numbers > MAX_PERSONS)
        raise where.error(f"{what} {text.iloc[position]} が上限 {MAX_PERSONS:.0e} を超えています",
                          position, column)
    return numbers.to_numpy(dtype=np.int64)


def years(text: pd.Series, where: Where, last: int | None = None) -> np.ndarray:
    """Calendar years of observed data: from 1950 to the current year."""
    values = whole_numbers(text, "year", where, "年")
    last = last if last is not None else today_jst().year
    out = (values < FIRST_YEAR) | (values > last)
    if out.any():
        position = _first(out)
        raise where.error(f"年 {values[position]} は {FIRST_YEAR}～{last} の範囲にありません",
                          position, "year")
    return values


def area_codes(text: pd.Series, column: str, where: Where,
               allowed: frozenset[str] | None = None) -> pd.Series:
    """5-digit codes of the shipped code master (4, 5 or 6 digits accepted); with
    ``allowed``, only those (an organisation's own areas)."""
    mapping: dict[str, str] = {}
    # Positions by factorize, not ``text == value``: numpy compares "\x00" equal to "".
    index, uniques = pd.factorize(text)
    for number, value in enumerate(uniques):
        at = index == number
        try:
            code = normalize_code(value)
        except AreaCodeError as error:
            raise where.error(str(error), _first(at), column) from error
        if not is_known_code(code):
            message = f"地域コード {value} は全国地方公共団体コード表にありません"
            raise where.error(message, _first(at), column)
        if allowed is not None and code not in allowed:
            message = (f"地域コード {value} はこの団体の区域ではありません "
                       f"(使えるコード: {'、'.join(sorted(allowed))})")
            raise where.error(message, _first(at), column)
        mapping[value] = code
    return text.map(mapping)


def check_unique(frame: pd.DataFrame, keys: list[str], where: Where, column: str) -> None:
    """No two rows with the same key; the error lists every row that shares it."""
    duplicated = frame.duplicated(keys, keep=False)
    if duplicated.any():
        first = _first(duplicated)
        same = frame[keys].eq(frame.iloc[first][keys]).all(axis=1).to_numpy()
        rows = "、".join(str(int(where.rows[i])) for i in np.flatnonzero(same))
        label = " ".join(str(v) for v in frame.iloc[first][keys])
        raise where.error(f"{label} が複数行 ({rows}行目) にあります", first, column)
