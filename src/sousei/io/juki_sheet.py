"""What the 総務省 住民基本台帳 tables (age tables and 人口動態 tables) have in common.

Both come as the Ministry publishes them on e-Stat: one sheet, a title row that states the
reference date and the nationality (「平成29年1月1日住民基本台帳…（日本人住民）」), a few header
rows, then one row per area with a 6-digit 団体コード (check digit included; ``''`` or ``'-'`` on
the national row), 都道府県名 and 市区町村名 (``*`` marking areas whose foreign age detail is not
published). Files are .xls until 2020 and .xlsx from 2021; sousei ships the .xls gzip-compressed,
so ``.xls.gz`` is read too. The helpers here turn any of them into a plain grid of cell values
and read the title and the area columns, so each reader only says what its own columns mean.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sousei.io.errors import InputError
from sousei.io.reference.codes import AreaCodeError, normalize_code
from sousei.japanese.era import EraError, parse_year

SUFFIXES = (".xls", ".xls.gz", ".xlsx", ".xlsm")
_TITLE_DATE = re.compile(r"((?:令和|平成|昭和)\s*(?:\d{1,2}|元)\s*年|\d{4}\s*年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_SUPPRESSED = {"x", "X", "…", "...", "***", "*", "秘匿", "-X"}
_ZERO = {"-", "－", "―", "‐", "–", "—", "0"}
NATIONAL_NAMES = ("合計", "全国", "総計")
_NATIONALITY = re.compile(r"[(【\[]\s*(日本人住民|外国人住民|日本人|外国人|総計)\s*[)】\]]")
_NATIONALITIES = {"日本人住民": "japanese", "日本人": "japanese", "外国人住民": "foreign",
                  "外国人": "foreign", "総計": "total"}


@dataclass(frozen=True)
class Sheet:
    """One worksheet as a grid of raw values (row 0 = Excel row 1)."""

    file: str
    name: str
    rows: list[list[object]]

    def cell(self, row: int, column: int) -> object:
        values = self.rows[row]
        return values[column] if column < len(values) else None

    def error(self, message: str, row: int | None = None, column: int | None = None,
              header: str = "") -> InputError:
        """An error at a 0-based (row, column), printed as Excel shows it: 12行目, 列 F (総数)."""
        label = None
        if column is not None:
            from openpyxl.utils import get_column_letter  # openpyxl only when a sheet is read

            label = get_column_letter(column + 1) + (f" ({header})" if header else "")
        return InputError(message, self.file, self.name, None if row is None else row + 1, label)


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    return ".xls.gz" if name.endswith(".xls.gz") else path.suffix.lower()


def is_juki_file(path: Path) -> bool:
    """A file that may be a 総務省 住基 table: .xls (any .xls is tried as one) or an .xlsx with a
    住民基本台帳 title and a 団体コード header (a town's own 年齢別人口表 has no 団体コード)."""
    suffix = suffix_of(path)
    if suffix in (".xls", ".xls.gz"):
        return True
    if suffix not in (".xlsx", ".xlsm"):
        return False
    try:
        sheet = read_sheet(path, max_rows=8)
    except InputError:
        return False
    headers = {text(value) for row in sheet.rows for value in row}
    return "住民基本台帳" in title_of(sheet) and "団体コード" in headers


def read_sheet(path: str | Path, max_rows: int | None = None) -> Sheet:
    """The first worksheet of ``path`` (.xls, .xls.gz, .xlsx) as raw values."""
    path = Path(path)
    if not path.is_file():
        raise InputError("ファイルが見つかりません", path.name)
    suffix = suffix_of(path)
    if suffix in (".xls", ".xls.gz"):
        data = path.read_bytes()
        if suffix == ".xls.gz":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError, zlib.error) as error:  # zlib: a damaged deflate stream
                raise InputError("gzip 圧縮ファイルとして読めません", path.name) from error
        return _xls_sheet(data, path.name, max_rows)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_sheet(path, max_rows)
    raise InputError("住基の表は Excel (.xls / .xlsx) で指定してください", path.name)


def _xls_sheet(data: bytes, file: str, max_rows: int | None) -> Sheet:
    import xlrd  # imported here: only the 住基 .xls tables need it

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception as error:  # xlrd raises its own XLRDError, and struct/IndexError on junk
        raise InputError(f"Excel ブック (.xls) として読めません ({error})", file) from None
    try:
        sheet = book.sheet_by_index(0)
        count = sheet.nrows if max_rows is None else min(max_rows, sheet.nrows)
        rows = []
        for r in range(count):
            types, values = sheet.row_types(r), sheet.row_values(r)
            rows.append([None if t == xlrd.XL_CELL_EMPTY else v
                         for t, v in zip(types, values, strict=True)])
        return Sheet(file, sheet.name, rows)
    except Exception as error:
        raise InputError(f"Excel ブック (.xls) として読めません ({error})", file) from None
    finally:
        book.release_resources()


def _xlsx_sheet(path: Path, max_rows: int | None) -> Sheet:
    # Imported here: `sousei project --area X` without a 住基 file never needs openpyxl.
    from sousei.io.sheets import load_checked

    # The same door as every other reader: size, rows, huge cells and damage checked first.
    book = load_checked(path, path.name, read_only=True)
    try:
        worksheet = book.worksheets[0]
        rows = [list(row) for row in worksheet.iter_rows(values_only=True, max_row=max_rows)]
        return Sheet(path.name, worksheet.title, rows)
    except Exception as error:  # a damaged part inside the zip
        raise InputError(f"Excel ブック (.xlsx) として読めません ({error})", path.name) from None
    finally:
        book.close()


def text(value: object) -> str:
    """NFKC text of a cell without surrounding spaces (an integral float without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def label(value: object) -> str:
    """A header cell as the user sees it (not normalised), for error messages."""
    return "" if value is None else str(value).strip()


def title_of(sheet: Sheet) -> str:
    """The first non-empty cell of the first rows: the table's title."""
    for row in sheet.rows[:3]:
        for value in row:
            if text(value):
                return text(value)
    return ""


def reference_date(sheet: Sheet) -> date:
    """The date the title states (「平成25年3月31日」, 「令和3年1月1日」)."""
    title = title_of(sheet)
    match = _TITLE_DATE.search(title)
    if match is None:
        raise sheet.error("表題に基準日 (例: 令和3年1月1日) が見つかりません", 0, 0)
    try:
        return date(parse_year(match[1].replace(" ", "")), int(match[2]), int(match[3]))
    except (EraError, ValueError) as error:
        raise sheet.error(f"表題の基準日 {match[0]} を読めません ({error})", 0, 0) from None


def nationality_of(sheet: Sheet) -> str:
    """``japanese``, ``foreign`` or ``total`` from the title's （日本人住民）/（外国人住民）/（総計）,
    else from the sheet name's 【…】."""
    for source in (title_of(sheet), unicodedata.normalize("NFKC", sheet.name)):
        match = _NATIONALITY.search(source)
        if match is not None:
            return _NATIONALITIES[match[1]]
    raise sheet.error("表題にもシート名にも 日本人住民・外国人住民・総計 の別がありません", 0, 0)


def count(sheet: Sheet, row: int, column: int, header: str) -> float | None:
    """A count cell: a number, or None where it is suppressed (``X``) or blank.

    A dash is zero, as in every Japanese statistical table; commas and full-width digits are
    read. Anything else cannot be read and is refused at its cell.
    """
    value = sheet.cell(row, column)
    if isinstance(value, bool):
        raise sheet.error(f"人数として読めません: {value!r}", row, column, header)
    if isinstance(value, int | float):
        if value != value or abs(value) == float("inf"):
            raise sheet.error("人数として読めません (数値ではありません)", row, column, header)
        return float(value)
    cell = text(value).replace(",", "").replace(" ", "")
    if cell == "" or cell in _SUPPRESSED:
        return None
    if cell in _ZERO:
        return 0.0
    negative = cell[0] in "△▲"
    digits = cell[1:] if negative else cell
    try:
        number = float(digits)
    except ValueError:
        raise sheet.error(f"人数として読めません: {cell!r}", row, column, header) from None
    if number != number or abs(number) == float("inf"):
        raise sheet.error(f"人数として読めません: {cell!r}", row, column, header)
    return -number if negative else number


def area_code(sheet: Sheet, row: int, column: int, prefecture_name: str) -> str | None:
    """The 5-digit code of a 団体コード cell; None for the national row (blank or ``-``)."""
    value = sheet.cell(row, column)
    cell = text(value)
    if cell in ("", "-", "－", "―") and prefecture_name.rstrip("*") in NATIONAL_NAMES:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and cell.isdigit():
        cell = cell.zfill(6)  # a code typed as a number lost its leading zero (10006 = 010006)
    try:
        return normalize_code(cell)
    except AreaCodeError as error:
        raise sheet.error(str(error), row, column, "団体コード") from None
