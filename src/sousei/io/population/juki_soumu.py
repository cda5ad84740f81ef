"""The 総務省 住民基本台帳 年齢階級別人口 tables (市区町村別), read as downloaded, 2013 on.

One national file per nationality and date (``1708nsnen.xls`` 日本人住民, ``1712gsnen.xls``
外国人住民, ``1704ssnen.xls`` 総計): sexes down the rows (計/男/女 per area), 5-year ages across
(``0～4歳`` … ``80歳以上`` in 2013-2014, … ``100歳以上`` later; ``0歳～4歳`` and a units row in
2021). Every prefecture, municipality and ward is in it, with the national and prefecture
totals, 郡 totals and designated cities both whole and by ward.

What the reader does with what a person reads at a glance, each listed in ``notes``:

- suppressed foreign age detail (``X`` or blank where men or women number 1-9 or the total is
  49 or less) and a 総数 larger than the sum of the ages (年齢不詳, or the foreigners missing
  from a 総計 row): the difference is allocated, see :mod:`juki_allocation`, and every
  allocation is listed in ``allocations``;
- 郡 rows are totals of towns already in the table, so they are left out of ``frame``; a
  designated city and its wards are both kept (different codes): :func:`municipal_codes`
  picks one of the two so nothing is counted twice;
- ``*`` after a name (foreign age detail not published) is dropped from the name and kept as a
  flag; footnote rows (注1：…) are collected in ``footnotes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from sousei.io import juki_sheet
from sousei.io.errors import InputError
from sousei.io.juki_sheet import Sheet, text
from sousei.io.population.age_table import parse_age
from sousei.io.population.juki_allocation import allocate
from sousei.io.population.layout import NATIONAL_CODE, canonical

SEX_ROWS = {"計": "T", "男": "M", "女": "F"}
_ROLES = {"団体コード": "code", "都道府県名": "prefecture", "市区町村名": "name", "性別": "sex"}
_HEADER_SCAN = 12


@dataclass(frozen=True)
class JukiAgeTable:
    """One 住基 age table: the long layout plus what was read around it.

    ``areas``: area_code, prefecture, name, kind (national / prefecture / municipality /
    designated_city / ward / county), detail_unpublished (the ``*`` mark), row (Excel row of
    its 計 line). ``published_totals``: the 総数 column as printed, per area and sex (T/M/F);
    ``published_ages``: the age cells as printed, areas (in ``areas`` order) x sex (T/M/F) x
    age group, NaN where suppressed, so a check can compare rows before any allocation.
    """

    frame: pd.DataFrame
    reference_date: date
    nationality: str
    areas: pd.DataFrame
    published_totals: pd.DataFrame
    allocations: pd.DataFrame
    notes: tuple[str, ...]
    footnotes: tuple[str, ...]
    file: str
    published_ages: np.ndarray


@dataclass(frozen=True)
class _Header:
    row: int  # 0-based row of the age labels
    total: int  # column of 総数
    ages: list[tuple[int, int, int | None]]  # (column, age_start, age_span)
    unknown: list[int]  # columns of 年齢不詳
    roles: dict[str, int]


def _age_label(value: object) -> tuple[int, int | None] | None:
    label = re.sub(r"歳(?=[～~\-－])", "", text(value))
    return parse_age(label)


def _find_header(sheet: Sheet) -> _Header:
    for r in range(min(_HEADER_SCAN, len(sheet.rows))):
        cells = [text(v) for v in sheet.rows[r]]
        if "総数" not in cells:
            continue
        total = cells.index("総数")
        ages, unknown = [], []
        for c in range(total + 1, len(cells)):
            if not cells[c] or cells[c] == "人":
                continue
            if "不詳" in cells[c]:
                unknown.append(c)
            elif (age := _age_label(cells[c])) is not None:
                ages.append((c, *age))
            else:
                shown = juki_sheet.label(sheet.rows[r][c])
                raise sheet.error(f"年齢階級の見出しとして読めません: {shown!r}", r, c, shown)
        if len(ages) >= 5:
            _check_ages(sheet, r, ages)
            return _Header(r, total, ages, unknown, _roles(sheet, r))
    raise sheet.error("見出し (総数、0～4歳 …) の行が見つかりません", 0)


def _check_ages(sheet: Sheet, row: int, ages: list[tuple[int, int, int | None]]) -> None:
    """0 first, each group starting where the last ended, one open group at the end."""
    expected = 0
    for i, (column, start, span) in enumerate(ages):
        last = i == len(ages) - 1
        if start != expected or (span is None) != last:
            message = f"年齢階級が続いていません ({expected}歳からの階級があるはずです)"
            if span is None and not last:
                message = "「…歳以上」の階級が最後の列ではありません"
            raise sheet.error(message, row, column, juki_sheet.label(sheet.cell(row, column)))
        expected = start + (span or 0)


def _roles(sheet: Sheet, header_row: int) -> dict[str, int]:
    """Columns of 団体コード/都道府県名/市区町村名/性別 in the header rows (2021: below the ages)."""
    roles: dict[str, int] = {}
    for r in range(max(0, header_row - 2), min(len(sheet.rows), header_row + 3)):
        for c, value in enumerate(sheet.rows[r]):
            role = _ROLES.get(text(value).replace(" ", "").replace("　", ""))
            if role is not None and role not in roles:
                roles[role] = c
    missing = [label for label, role in _ROLES.items() if role not in roles]
    if missing:
        raise sheet.error(f"見出しに {'・'.join(missing)} の列がありません", header_row)
    return roles


@dataclass
class _Rows:
    codes: list[str | None]
    prefectures: list[str]
    names: list[str]
    marked: list[bool]
    first_row: list[int]
    totals: list[list[float | None]]  # per area: [T, M, F]
    ages: list[list[list[float | None]]]  # per area: 3 sexes x ages
    unknown: list[list[float]]  # per area: 3 sexes: 年齢不詳 column sums


def _data_rows(sheet: Sheet, header: _Header) -> tuple[_Rows, list[str]]:
    rows = _Rows([], [], [], [], [], [], [], [])
    footnotes: list[str] = []
    roles, seen = header.roles, {}
    value_columns = [header.total, *(c for c, _, _ in header.ages)]
    for r in range(header.row + 1, len(sheet.rows)):
        sex = SEX_ROWS.get(text(sheet.cell(r, roles["sex"])))
        if sex is None:
            _not_data(sheet, r, roles["sex"], value_columns, footnotes)
            continue
        prefecture = text(sheet.cell(r, roles["prefecture"]))
        code = juki_sheet.area_code(sheet, r, roles["code"], prefecture)
        key = code or NATIONAL_CODE
        if (key, sex) in seen:
            raise sheet.error(f"{key} の {text(sheet.cell(r, roles['sex']))} の行が2度あります "
                              f"({seen[(key, sex)] + 1}行目にもあります)", r, roles["sex"], "性別")
        seen[(key, sex)] = r
        if not rows.codes or (rows.codes[-1] or NATIONAL_CODE) != key:
            _new_area(rows, sheet, r, roles, code, prefecture)
        i = 0 if sex == "T" else (1 if sex == "M" else 2)
        rows.totals[-1][i] = juki_sheet.count(sheet, r, header.total, "総数")
        rows.ages[-1][i] = [juki_sheet.count(sheet, r, c, juki_sheet.label(sheet.cell(header.row, c)))
                            for c, _, _ in header.ages]
        rows.unknown[-1][i] = sum(juki_sheet.count(sheet, r, c, "年齢不詳") or 0.0
                                  for c in header.unknown)
    if not rows.codes:
        raise sheet.error("地域の行 (性別が 計・男・女) がありません", header.row + 1)
    return rows, footnotes


def _not_data(sheet: Sheet, r: int, sex_col: int, value_columns: list[int],
              footnotes: list[str]) -> None:
    """A row without 計/男/女: a footnote, a repeated header or a blank row; refused only when
    it holds counts, since then an area's figures would be lost without a word."""
    if any(isinstance(sheet.cell(r, c), int | float) for c in value_columns):
        raise sheet.error(f"性別 (計・男・女) を読めません: {text(sheet.cell(r, sex_col))!r}",
                          r, sex_col, "性別")
    first = next((text(v) for v in sheet.rows[r] if text(v)), "")
    if first.startswith(("注", "※", "(注")):
        footnotes.append(first)


def _new_area(rows: _Rows, sheet: Sheet, r: int, roles: dict[str, int], code: str | None,
              prefecture: str) -> None:
    name = text(sheet.cell(r, roles["name"]))
    name = "" if name in ("-", "－") else name
    marked = prefecture.endswith("*") or name.endswith("*")
    rows.codes.append(code)
    rows.prefectures.append(prefecture.rstrip("*"))
    rows.names.append(name.rstrip("*"))
    rows.marked.append(marked)
    rows.first_row.append(r)
    rows.totals.append([None, None, None])
    rows.ages.append([[], [], []])
    rows.unknown.append([0.0, 0.0, 0.0])


def area_kinds(codes: list[str | None], names: list[str]) -> list[str]:
    """national / prefecture / county (郡) / designated_city / ward / municipality.

    A designated city is a row followed by rows named after it ending in 区 (札幌市 then
    札幌市中央区); Tokyo's special wards (千代田区) carry no city name, so they are municipalities.
    """
    kinds = []
    city = ""
    for code, name in zip(codes, names, strict=True):
        if code is None:
            kinds.append("national")
        elif code.endswith("000"):
            kinds.append("prefecture")
        elif city and name.startswith(city) and name.endswith("区") and name != city:
            kinds.append("ward")
            if kinds[-2:-1] != ["ward"]:
                kinds[-2] = "designated_city"  # the city row just before its first ward
        elif name.endswith("郡") or not name.endswith(("市", "町", "村", "区")):
            kinds.append("county")  # 八重山郡, 島しょ (東京都): totals of the towns after them
        else:
            kinds.append("municipality")
        if kinds[-1] in ("municipality", "designated_city") and name.endswith("市"):
            city = name
        elif kinds[-1] != "ward":
            city = ""
    return kinds


def read_juki_ages(path: str | Path) -> JukiAgeTable:
    """Read a 住基 年齢階級別人口 table (.xls, .xls.gz or .xlsx) as published."""
    sheet = juki_sheet.read_sheet(path)
    when = juki_sheet.reference_date(sheet)
    nationality = juki_sheet.nationality_of(sheet)
    header = _find_header(sheet)
    rows, footnotes = _data_rows(sheet, header)
    codes = [code or NATIONAL_CODE for code in rows.codes]
    kinds = area_kinds(rows.codes, rows.names)
    for i, code in enumerate(codes):
        for s, label in ((1, "男"), (2, "女")):
            if not rows.ages[i][s]:
                raise sheet.error(f"{code} {rows.names[i] or rows.prefectures[i]} に{label}の行が"
                                  "ありません", rows.first_row[i], header.roles["sex"], "性別")
    ages = np.array([[[np.nan if v is None else v for v in sex] if sex else
                      [np.nan] * len(header.ages) for sex in area] for area in rows.ages])
    totals = np.array([[np.nan if v is None else v for v in area] for area in rows.totals])
    areas = pd.DataFrame({"area_code": codes, "prefecture": rows.prefectures,
                          "name": rows.names, "kind": kinds, "detail_unpublished": rows.marked,
                          "row": [r + 1 for r in rows.first_row]})
    result = allocate(ages[:, 1:], totals[:, 1:], np.array(rows.unknown)[:, 1:], areas)
    notes = [*result.notes, *_sex_total_notes(areas, totals)]
    keep = (areas["kind"] != "county").to_numpy()
    frame = _long(areas["area_code"].to_numpy()[keep], result.values[keep], header,
                  nationality, when.year)
    published = pd.DataFrame({
        "area_code": np.repeat(codes, 3), "sex": np.tile(["T", "M", "F"], len(codes)),
        "value": totals.reshape(-1)})
    return JukiAgeTable(frame, when, nationality, areas, published, result.allocations,
                        tuple(notes), tuple(footnotes), sheet.file, ages)


def _sex_total_notes(areas: pd.DataFrame, totals: np.ndarray) -> list[str]:
    """A 計 row whose 総数 is not 男 + 女 is reported (the projection uses 男 and 女)."""
    diff = totals[:, 0] - totals[:, 1] - totals[:, 2]
    bad = np.flatnonzero(np.abs(np.nan_to_num(diff)) > 0.5)
    if bad.size == 0:
        return []
    sample = "、".join(f"{areas['area_code'].iat[i]} ({diff[i]:+.0f})" for i in bad[:5])
    return [f"計の総数が男と女の総数の和と一致しない地域が {bad.size} あります (男・女の行を"
            f"使いました): {sample}"]


def _long(codes: np.ndarray, values: np.ndarray, header: _Header, nationality: str,
          year: int) -> pd.DataFrame:
    """Areas x (M, F) x ages as the long layout, vectorised."""
    n_areas, n_sexes, n_ages = values.shape
    starts = np.array([start for _, start, _ in header.ages])
    spans = [pd.NA if span is None else span for _, _, span in header.ages]
    frame = pd.DataFrame({
        "area_code": np.repeat(codes, n_sexes * n_ages),
        "nationality": nationality,
        "sex": np.tile(np.repeat(["M", "F"], n_ages), n_areas),
        "age_start": np.tile(starts, n_areas * n_sexes),
        "age_span": pd.array(spans * (n_areas * n_sexes), dtype="Int64"),
        "year": year,
        "value": values.reshape(-1),
    })
    return canonical(frame)


def municipal_codes(areas: pd.DataFrame, wards: bool = False,
                    prefecture: str | None = None) -> list[str]:
    """Codes that cover the country (or one prefecture) once: municipalities with each
    designated city whole, or with its wards instead when ``wards`` is true."""
    kinds = {"municipality", "ward" if wards else "designated_city"}
    chosen = areas[areas["kind"].isin(kinds)]
    if prefecture is not None:
        chosen = chosen[chosen["area_code"].str[:2] == prefecture[:2]]
    return list(chosen["area_code"])


def describe(table: JukiAgeTable) -> str:
    """One line for a user: what was read."""
    names = {"japanese": "日本人住民", "foreign": "外国人住民", "total": "総計"}
    d = table.reference_date
    counted = (table.areas["kind"] != "county").sum()
    return (f"{table.file}: 住民基本台帳 年齢階級別人口 ({names[table.nationality]}) "
            f"{d.year}年{d.month}月{d.day}日現在、{counted} 地域")


def is_age_table(path: Path) -> bool:
    """Whether ``path`` looks like a 住基 age table (title says 年齢)."""
    if not juki_sheet.is_juki_file(path):
        return False
    try:
        title = juki_sheet.title_of(juki_sheet.read_sheet(path, max_rows=2))
    except InputError:
        return juki_sheet.suffix_of(path) in (".xls", ".xls.gz")
    return "年齢" in title or "人口動態" not in title
