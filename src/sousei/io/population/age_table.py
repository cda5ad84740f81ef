"""The wide 年齢別人口表 that municipalities export from the 住民基本台帳 into the long layout.

Registry systems and town websites publish one table per reference date: ages down the rows
(``0歳`` ... ``100歳以上``, or ``0～4歳`` ...), sexes across the columns, often split by
nationality either in the column name (``日本人男``, ``男(外国人)``) or in a header row above
(``日本人`` over ``男 女 計``, merged cells). Planning staff should not have to rebuild that
into the long layout by hand, so this reader finds the age column and the header rows itself,
checks every age row against the table's own 総数 row and column, and names the sheet, row
and column of whatever it cannot read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sousei.io.columns import column_letter
from sousei.io.errors import InputError
from sousei.io.population.layout import canonical
from sousei.io.sheets import load_checked
from sousei.io.upload_table import csv_rows, decode_csv
from sousei.japanese.era import EraError, parse_year

TOTAL_WORDS = ("総数", "合計", "計", "総計", "小計")
_SINGLE = re.compile(r"^(\d{1,3})歳?$")
_OPEN = re.compile(r"^(\d{1,3})(?:歳以上|歳～|～|\+|歳以上計)$")
_RANGE = re.compile(r"^(\d{1,3})[～~\-－―](\d{1,3})歳?$")
_DATE = re.compile(r"((?:令和|平成|昭和|R|H|S)\s*(?:\d{1,2}|元)\s*年|\d{4}\s*年)")
_SCAN_ROWS = 40


def _norm(value: object) -> str:
    """NFKC text without spaces or brackets, so ``男　（日本人）`` reads as ``男日本人``."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value))
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]  # an Excel number cell read as float
    return re.sub(r"[\s()\[\]（）「」・_/]", "", text)


def parse_age(label: str) -> tuple[int, int | None] | None:
    """(age_start, age_span) of an age row label, span None for an open group; None if the
    label is not an age (総数, notes, blank)."""
    text = _norm(label)
    if (match := _SINGLE.match(text)) is not None:
        return int(match[1]), 1
    if (match := _OPEN.match(text)) is not None:
        return int(match[1]), None
    if (match := _RANGE.match(text)) is not None:
        low, high = int(match[1]), int(match[2])
        return (low, high - low + 1) if high >= low else None
    return None


def _is_total(label: str) -> bool:
    text = _norm(label)
    return text in TOTAL_WORDS or text in ("総人口", "全年齢")


def _sex(text: str) -> str | None:
    if "男" in text:
        return "M"
    if "女" in text:
        return "F"
    return None


def _nationality(text: str) -> str | None:
    if "外国" in text:
        return "foreign"
    if "日本" in text:
        return "japanese"
    if any(word in text for word in TOTAL_WORDS) or "全体" in text:
        return "total"
    return None


@dataclass(frozen=True)
class _Column:
    index: int
    sex: str | None  # None: the 計 column of a nationality, used to check the sexes
    nationality: str


def read_grid(path: Path, sheet: str | None) -> tuple[list[list[str]], str | None]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        book = load_checked(path, path.name)
        if sheet is not None and sheet not in book.sheetnames:
            names = "、".join(book.sheetnames)
            raise InputError(f"シート {sheet} がありません (あるシート: {names})", path.name)
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        grid = [["" if v is None else str(v) for v in row]
                for row in worksheet.iter_rows(values_only=True)]
        for merged in worksheet.merged_cells.ranges:  # a merged header names every column under it
            value = grid[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    grid[r - 1][c - 1] = value
        return grid, worksheet.title
    if suffix in (".csv", ".txt"):
        text = decode_csv(path.read_bytes(), path.name)
        return csv_rows(text, path.name), None
    raise InputError("CSV (.csv) か Excel ブック (.xlsx) を指定してください", path.name)


def _age_column(grid: list[list[str]]) -> tuple[int, int]:
    """(column, first age row): the column whose cells read as ages most often.

    Labels that say they are ages (``5歳``, ``0～4``, ``100歳以上``) outrank bare numbers, since a
    column of small counts (外国人 by age) also reads as numbers between 0 and 120.
    """
    best = (0, 0, -1, -1)
    width = max((len(row) for row in grid), default=0)
    for c in range(min(width, 6)):
        labels = [(r, _norm(row[c])) for r, row in enumerate(grid) if c < len(row)]
        ages = [(r, text) for r, text in labels
                if (age := parse_age(text)) is not None and age[0] <= 120]
        marked = sum(1 for _, text in ages if not text.isdigit())
        if (marked, len(ages)) > best[:2]:
            best = (marked, len(ages), c, ages[0][0] if ages else -1)
    if best[1] < 5:
        raise InputError("年齢の列が見つかりません (0歳、1歳 … または 0～4歳 … の行が必要です)")
    return best[2], best[3]


def _cells(row: list[str], width: int) -> list[str]:
    return [_norm(row[c]) if c < len(row) else "" for c in range(width)]


def _columns(grid: list[list[str]], age_col: int, first: int) -> list[_Column]:
    """Sex and nationality of each value column: the sexes from the nearest row above the ages
    that names one, the nationality from that cell or from up to two rows above it."""
    width = max(len(row) for row in grid)
    sex_row = next((r for r in range(first - 1, max(first - 4, -1), -1)
                    if any(_sex(t) for t in _cells(grid[r], width)[age_col + 1:])), None)
    if sex_row is None:
        raise InputError("男・女の列が見つかりません (年齢の列の上の行に「男」「女」が必要です)",
                         row=first + 1)
    upper = [""] * width
    for r in range(max(sex_row - 2, 0), sex_row):
        current = ""  # a nationality written once over several columns holds until the next
        for c, text in enumerate(_cells(grid[r], width)):
            if c > age_col and text and _nationality(text) and not _sex(text):
                current = text
            if current:
                upper[c] = current
    columns = []
    for c, text in enumerate(_cells(grid[sex_row], width)):
        if c <= age_col or not text:
            continue
        sex = _sex(text)
        if sex is None and not any(word in text for word in TOTAL_WORDS):
            continue  # 世帯数 and other columns that are not persons by sex
        nationality = _nationality(text) if sex else None
        if nationality in (None, "total"):
            nationality = _nationality(upper[c]) or nationality or "total"
        columns.append(_Column(c, sex, nationality))
    return columns


def _count(text: str, where: tuple[str, str | None, int, int]) -> float:
    value = _norm(text).replace(",", "")
    if value in ("", "-", "－", "―", "…"):
        return 0.0
    try:
        number = float(value)
    except ValueError:
        raise _error(f"人口 {text!r} が数値ではありません", where) from None
    if number < 0 or not number.is_integer():
        raise _error(f"人口 {text!r} は 0 以上の整数にしてください", where)
    return number


def _error(message: str, where: tuple[str, str | None, int, int]) -> InputError:
    file, sheet, row, col = where
    return InputError(message, file=file, sheet=sheet, row=row + 1,
                      column=f"{column_letter(col + 1)}列")


def reference_year(grid: list[list[str]]) -> int | None:
    """The year of a title such as 「令和2年1月1日現在」 in the rows above the table."""
    for row in grid[:_SCAN_ROWS]:
        for cell in row:
            match = _DATE.search(unicodedata.normalize("NFKC", cell))
            if match:
                try:
                    return parse_year(match[1].replace(" ", ""))
                except EraError:
                    continue
    return None


def read_age_table(
    path: str | Path, area_code: str, year: int | None = None, sheet: str | None = None
) -> pd.DataFrame:
    """The long layout of one area's age table; ``year`` defaults to the date in its title."""
    path = Path(path)
    if not path.is_file():
        raise InputError("ファイルが見つかりません", path.name)
    grid, sheet_name = read_grid(path, sheet)
    return age_table_from_grid(grid, path.name, sheet_name, area_code, year)


def age_table_from_grid(
    grid: list[list[str]], file: str, sheet_name: str | None, area_code: str,
    year: int | None = None,
) -> pd.DataFrame:
    """:func:`read_age_table` on cells already read (the population reader reads a file's
    cells once to tell a census table from an age table)."""
    try:
        age_col, first = _age_column(grid)
        columns = _columns(grid, age_col, first)
    except InputError as error:
        error.file, error.sheet = file, sheet_name
        raise
    if year is None:
        year = reference_year(grid[:first])
        if year is None:
            raise InputError("基準年がわかりません (表題に「令和2年1月1日現在」などがないため、"
                             "基準年を指定してください)", file, sheet_name)
    records, totals = [], {}
    for r in range(first, len(grid)):
        row = grid[r]
        label = row[age_col] if age_col < len(row) else ""
        age = parse_age(label)
        if age is None and not _is_total(label):
            if any(_norm(row[c.index]) for c in columns if c.index < len(row)) and _norm(label):
                raise _error(f"年齢 {label!r} を読めません", (file, sheet_name, r, age_col))
            continue
        values = {c: _count(row[c.index] if c.index < len(row) else "",
                            (file, sheet_name, r, c.index)) for c in columns}
        if age is None:
            totals[r] = values
            continue
        for c, value in values.items():
            if c.sex is not None:
                records.append((c.nationality, c.sex, age[0], age[1], value, r, c.index))
    if not records:
        raise InputError("年齢別の人口の行がありません", file, sheet_name, first + 1)
    frame = pd.DataFrame(records, columns=["nationality", "sex", "age_start", "age_span",
                                           "value", "row", "col"])
    frame = _drop_subtotals(frame)
    _check_totals(frame, totals, columns, (file, sheet_name))
    if {"japanese", "foreign"} <= set(frame["nationality"]):
        frame = frame[frame["nationality"] != "total"]
    frame = frame.assign(area_code=area_code, year=int(year))
    return canonical(frame)


def _drop_subtotals(frame: pd.DataFrame) -> pd.DataFrame:
    """Tables that list single ages often add a 0～4歳 subtotal row after every five ages;
    when single years exist the wider rows they cover are subtotals, not more people."""
    single = frame["age_span"] == 1
    if not single.any():
        return frame
    wide = frame["age_span"].notna() & (frame["age_span"] > 1)
    return frame[~wide].reset_index(drop=True)


def _check_totals(frame: pd.DataFrame, totals: dict, columns: list[_Column],
                  where: tuple[str, str | None]) -> None:
    """Every 総数 row must equal the sum of the age rows: a table cut short or a misplaced
    row shows up here instead of as a silently smaller population."""
    sums = frame.groupby(["nationality", "sex"])["value"].sum()
    for r, values in totals.items():
        for c, value in values.items():
            if c.sex is None or value == 0:
                continue
            got = float(sums.get((c.nationality, c.sex), 0.0))
            if abs(got - value) > 0.5:
                raise _error(f"総数 {value:,.0f} と年齢別の合計 {got:,.0f} が一致しません",
                             (where[0], where[1], r, c.index))
