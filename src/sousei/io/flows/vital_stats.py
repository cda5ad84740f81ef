"""Vital statistics by year (births, deaths, in- and out-moves) from a small CSV.

Columns (Japanese headers accepted): year/年 (or 年度 for fiscal years), births/出生, deaths/死亡, in_moves/転入,
out_moves/転出. Counts are whole numbers of persons, not negative; each year once. Errors name
file, row (header = row 1) and column, and nothing is returned on error.
"""

from __future__ import annotations

from sousei.demography.bounds import MAX_PERSONS, YEARS
from sousei.demography.indicators import VitalYear
from sousei.io.errors import InputError
from sousei.io.upload_table import csv_rows, decode_csv

COLUMNS = ("year", "births", "deaths", "in_moves", "out_moves")
ALIASES = {"年": "year", "年度": "year", "fiscal_year": "year", "出生": "births", "出生数": "births", "死亡": "deaths",
           "死亡数": "deaths", "転入": "in_moves", "転入数": "in_moves", "転出": "out_moves",
           "転出数": "out_moves"}


def _whole(text: str, file: str, row: int, column: str) -> int:
    cleaned = text.replace(",", "").strip()
    try:
        value = int(cleaned)
    except ValueError:
        raise InputError(f"整数を入力してください (値: {text!r})", file=file, row=row,
                         column=column) from None
    if value < 0:
        raise InputError(f"負の値は使えません (値: {text})", file=file, row=row, column=column)
    low, high = YEARS if column == "year" else (0, MAX_PERSONS)
    if not low <= value <= high:
        raise InputError(f"値 {text} は {low:,.0f}～{high:,.0f} の範囲にありません", file=file,
                         row=row, column=column)
    return value


def read_vital_statistics(data: bytes, file: str) -> list[VitalYear]:
    """The rows of a vital statistics CSV, sorted by year."""
    reader = iter(csv_rows(decode_csv(data, file), file))
    titles = [h.strip() for h in next(reader, [])]
    fiscal = any(t in ("年度", "fiscal_year") for t in titles)
    header = [ALIASES.get(t, t) for t in titles]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InputError(f"列 {', '.join(missing)} がありません (見出しは1行目)", file=file, row=1)
    rows: dict[int, VitalYear] = {}
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < len(header):
            raise InputError("列の数が見出しより少ない行です", file=file, row=number)
        values = {c: _whole(cells[header.index(c)], file, number, c) for c in COLUMNS}
        if values["year"] in rows:
            raise InputError(f"{values['year']}年が2回あります", file=file, row=number,
                             column="year")
        rows[values["year"]] = VitalYear(**values, fiscal=fiscal)
    if not rows:
        raise InputError("データ行がありません", file=file, row=2)
    return [rows[year] for year in sorted(rows)]
