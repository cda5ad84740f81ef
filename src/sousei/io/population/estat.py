"""A 国勢調査 table downloaded from e-Stat (API CSV or database download) into the long layout.

Planning staff download the census by 男女 x 年齢 x 地域 x 時間軸 from e-Stat and should not
have to rebuild it: the file starts with a block of metadata rows (統計名, 表題, or the API's
RESULT/PARAMETER/CLASS_INF sections), then one header row (``tab_code, 表章項目, cat01_code,
男女, cat02_code, 年齢, area_code, 地域, time_code, 時間軸(年次), unit, value`` or
``男女 コード, 男女, …``) and one row per cell. This reader finds that header row, keeps the
counts of persons by sex and age, skips 総数 and 再掲 rows but checks the 総数 rows against the
sum, and spreads 年齢不詳 over the ages in proportion, as
:func:`sousei.demography.rates.allocate_unknown_age` does for the shipped census.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sousei.io.errors import InputError, Where
from sousei.io.population import estat_labels as labels
from sousei.io.population.age_table import reference_year
from sousei.io.population.estat_checks import allocate_unknown, check_duplicates, check_totals
from sousei.io.population.estat_labels import TOTAL, UNKNOWN, norm
from sousei.io.population.layout import canonical
from sousei.io.population.validate import check_coverage
from sousei.io.reference.codes import AreaCodeError, is_known_code, normalize_code

VALUE_NAMES = frozenset({"value", "値", "数値", "人口", "人数"})
ROLES = ("sex", "age", "nationality", "area", "time", "tab", "unit", "note")


@dataclass(frozen=True)
class Header:
    """Where the header row is and which column holds what (label and code columns)."""

    row: int
    value: int
    roles: dict[str, int]  # role -> label column
    codes: dict[str, int]  # role -> code column
    others: dict[int, str]  # further classifications (e.g. 全域・人口集中地区): column -> name
    names: list[str]


def _is_code(text: str) -> bool:
    return text.lower().endswith("_code") or text.endswith("コード")


def _role(text: str) -> str | None:
    lower = text.lower()
    if "年齢" in text and "平均" not in text:
        return "age"
    if "男女" in text or "性別" in text or text == "性":
        return "sex"
    if "国籍" in text:
        return "nationality"
    if "地域" in text or lower == "area":
        return "area"
    if "時間軸" in text or "年次" in text or "調査年" in text or lower == "time":
        return "time"
    if "表章項目" in text or lower == "tab":
        return "tab"
    if lower == "unit" or text == "単位":
        return "unit"
    if lower == "annotation" or "注記" in text:
        return "note"
    return None


def find_header(grid: list[list[str]]) -> Header | None:
    """The header row of an e-Stat table: one naming 年齢, 男女 and a value column."""
    for r, row in enumerate(grid):
        cells = [norm(c) for c in row]
        if not any("年齢" in c for c in cells):
            continue
        value = next((i for i, c in enumerate(cells) if c.lower() in VALUE_NAMES), None)
        if value is None:
            continue
        roles: dict[str, int] = {}
        codes: dict[str, int] = {}
        others: dict[int, str] = {}
        for i, text in enumerate(cells):
            if i == value or not text or _is_code(text):
                continue
            role = _role(text)
            if role is None:
                others[i] = row[i]
            elif role not in roles:
                roles[role] = i
                if i > 0 and _is_code(cells[i - 1]):
                    codes[role] = i - 1
        if "age" in roles and "sex" in roles:
            return Header(r, value, roles, codes, others, [str(c) for c in row])
    return None


class _Table:
    """The body rows as text columns, with the row numbers users see (header row + 1 ...)."""

    def __init__(self, grid: list[list[str]], header: Header, file: str, sheet: str | None):
        self.header, self.file, self.sheet = header, file, sheet
        wanted = {**header.roles, **{f"{r}_code": i for r, i in header.codes.items()},
                  "value": header.value, **{f"other{i}": i for i in header.others}}
        body = pd.DataFrame(grid[header.row + 1:], dtype=object)
        body = body.reindex(columns=range(max(len(header.names), body.shape[1]))).fillna("")
        frame = pd.DataFrame({name: body[i].astype(str) for name, i in wanted.items()})
        blank = (frame.to_numpy(dtype=object) == "").all(axis=1)
        self.frame = frame[~blank].reset_index(drop=True)
        self.rows = (np.arange(len(blank)) + header.row + 2)[~blank]

    def error(self, message: str, position: int, role: str) -> InputError:
        if role == "value":
            index: int | None = self.header.value
        elif role.startswith("other"):
            index = int(role[5:])
        elif role.endswith("_code"):
            index = self.header.codes.get(role[:-5])
        else:
            index = self.header.roles.get(role)
        column = self.header.names[index] if index is not None else role
        return InputError(message, self.file, self.sheet, int(self.rows[position]), column)

    def mapped(self, role: str, parse, what: str) -> pd.Series:
        """``parse`` applied to each distinct label of a column; an unreadable one is an error
        naming its first row."""
        column = self.frame[role]
        mapping = {label: parse(label) for label in column.unique()}
        bad = [label for label, value in mapping.items() if value is None]
        if bad:
            position = int(np.flatnonzero(column.isin(bad).to_numpy())[0])
            raise self.error(f"{what} {column.iloc[position]!r} を読めません", position, role)
        return column.map(mapping)

    def keep(self, mask: np.ndarray) -> None:
        self.frame = self.frame[mask].reset_index(drop=True)
        self.rows = self.rows[mask]


def _select(table: _Table) -> None:
    """Keep the rows of persons: 表章項目 人口, unit 人, and the total of any other dimension."""
    frame = table.frame
    if "tab" in frame and frame["tab"].nunique() > 1:
        persons = labels.norm_series(frame["tab"]).isin(["人口", "人口総数", "総人口"]).to_numpy()
        if not persons.any():
            raise table.error("表章項目に「人口」がありません", 0, "tab")
        table.keep(persons)
    for column in [c for c in table.frame if c.startswith("other")]:
        values = labels.norm_series(table.frame[column])
        if values.nunique() > 1:
            total = values.isin([v for v in values.unique() if labels.is_total(v)]).to_numpy()
            if not total.any():
                message = f"列の区分 ({'、'.join(values.unique()[:5])}) を1つにしてください"
                raise table.error(message, 0, column)
            table.keep(total)
    if "unit" in table.frame:
        unit = labels.norm_series(table.frame["unit"])
        wrong = ~unit.isin(["人", ""])
        if wrong.any():
            position = int(np.flatnonzero(wrong.to_numpy())[0])
            raise table.error(f"単位 {unit.iloc[position]!r} の表は読めません (人の表にしてください)",
                              position, "unit")


def _areas(table: _Table, area_code: str | None) -> pd.Series:
    """5-digit codes from the 地域 code column (or the leading digits of the label), each
    checked against the code master; a table without an area column is ``area_code``'s."""
    frame = table.frame
    if "area" not in frame and "area_code" not in frame:
        if area_code is None:
            raise InputError("地域の列がありません (地域コードを指定してください)", table.file,
                             table.sheet, table.header.row + 1)
        return pd.Series([normalize_code(area_code)] * len(frame), dtype=object)
    role = "area_code" if "area_code" in frame else "area"
    code = frame["area_code"] if "area_code" in frame else pd.Series([""] * len(frame))
    label = frame["area"] if "area" in frame else pd.Series([""] * len(frame))
    key = code.astype(str) + "\x1f" + label.astype(str)
    index, uniques = pd.factorize(key)
    first = np.unique(index, return_index=True)[1]  # first row of each distinct area
    mapped = []
    for text, position in zip(uniques, first, strict=True):
        c, n = text.split("\x1f", 1)
        digits = labels.area_text(c, n)
        if digits is None:
            raise table.error(f"地域 {n or c!r} の地域コードがありません", int(position), role)
        try:
            five = normalize_code(digits)
        except AreaCodeError as error:
            raise table.error(str(error), int(position), role) from None
        if not is_known_code(five):
            raise table.error(f"地域コード {digits} は全国地方公共団体コード表にありません",
                              int(position), role)
        mapped.append(five)
    return pd.Series(np.asarray(mapped, dtype=object)[index], dtype=object)


def _ages(table: _Table) -> pd.DataFrame:
    """kind (age, T, unknown, skip), age_start, age_span (NaN = open) of every row."""
    column = table.frame["age"]
    parsed = {label: labels.age_of(label) for label in column.unique()}
    bad = [label for label, value in parsed.items() if value is None]
    if bad:
        position = int(np.flatnonzero(column.isin(bad).to_numpy())[0])
        raise table.error(f"年齢 {column.iloc[position]!r} を読めません", position, "age")
    kind = {k: ("age" if isinstance(v, tuple) else v) for k, v in parsed.items()}
    start = {k: (v[0] if isinstance(v, tuple) else -1) for k, v in parsed.items()}
    span = {k: (v[1] if isinstance(v, tuple) and v[1] is not None else np.nan)
            for k, v in parsed.items()}
    return pd.DataFrame({"kind": column.map(kind), "age_start": column.map(start),
                         "age_span": column.map(span).astype(float)})


def _years(table: _Table, grid: list[list[str]], year: int | None) -> pd.Series | int:
    frame = table.frame
    if "time" not in frame:
        found = year or reference_year(grid[:table.header.row])
        if found is None:
            raise InputError("時間軸 (年) の列がありません (基準年を指定してください)",
                             table.file, table.sheet, table.header.row + 1)
        return int(found)
    codes = frame["time_code"] if "time_code" in frame else pd.Series([""] * len(frame))
    key = codes.astype(str) + "\x1f" + frame["time"].astype(str)
    mapping = {k: labels.year_of(*k.split("\x1f", 1)) for k in key.unique()}
    bad = [k for k, v in mapping.items() if v is None]
    if bad:
        position = int(np.flatnonzero(key.isin(bad).to_numpy())[0])
        raise table.error(f"時間軸 {frame['time'].iloc[position]!r} から年を読めません",
                          position, "time")
    return key.map(mapping).astype(int)


def _chosen(ages: pd.DataFrame, group: pd.DataFrame) -> np.ndarray:
    """The age rows that partition 0..open: single years if the table has them (else 5-year
    groups) and the highest open group; wider ranges and lower open groups are 再掲."""
    is_age = (ages["kind"] == "age").to_numpy()
    span = ages["age_span"].to_numpy()
    start = ages["age_start"].to_numpy()
    is_open = is_age & np.isnan(span)
    base = 1 if (is_age & (span == 1)).any() else 5
    closed = is_age & (span == base) & (start % base == 0)
    open_start = pd.Series(np.where(is_open, start, -1)).groupby(
        [group[c] for c in group]).transform("max").to_numpy()
    return closed | (is_open & (start == open_start))


def read_census_grid(grid: list[list[str]], header: Header, file: str, sheet: str | None,
                     area_code: str | None = None, year: int | None = None) -> pd.DataFrame:
    """The long layout of an e-Stat census table already read into ``grid``."""
    table = _Table(grid, header, file, sheet)
    if table.frame.empty:
        raise InputError("データ行がありません", file, sheet, header.row + 2)
    _select(table)
    frame = table.frame
    sex = table.mapped("sex", labels.sex_of, "男女")
    nationality = (table.mapped("nationality", labels.nationality_of, "国籍")
                   if "nationality" in frame else pd.Series(["total"] * len(frame)))
    rows = pd.DataFrame({"area_code": _areas(table, area_code), "nationality": nationality,
                         "sex": sex, "year": _years(table, grid, year),
                         "age_label": labels.norm_series(frame["age"]), "position": np.arange(len(frame))})
    values, unavailable, unreadable = labels.parse_values(frame["value"])
    if unreadable.any():
        position = int(np.flatnonzero(unreadable)[0])
        raise table.error(f"人口 {frame['value'].iloc[position]!r} が数値ではありません",
                          position, "value")
    rows["value"] = values.to_numpy()
    if {"japanese", "foreign"} <= set(rows["nationality"]):
        rows = rows[rows["nationality"] != "total"]
    ages = _ages(table).loc[rows.index].reset_index(drop=True)
    rows = rows.reset_index(drop=True)
    unavailable = unavailable[rows["position"].to_numpy()]
    known = _chosen(ages, rows[["area_code", "nationality", "sex", "year"]])
    person = rows["sex"].isin(["M", "F"]).to_numpy()
    unknown = (ages["kind"] == UNKNOWN).to_numpy()
    leaf = person & (known | unknown)
    if (leaf & unavailable).any():
        position = int(rows["position"].iloc[int(np.flatnonzero(leaf & unavailable)[0])])
        message = (f"人口 {frame['value'].iloc[position]!r} は注記の記号 (秘匿・不詳など) で、"
                   "人口として使えません")
        raise table.error(message, position, "value")
    rows["age_key"] = np.where((ages["kind"] == TOTAL).to_numpy(), "T", rows["age_label"])
    fail = table.error
    check_duplicates(rows[leaf], fail)
    summed = known | unknown | (ages["kind"] == TOTAL).to_numpy()
    is_total = summed & ((rows["sex"] == TOTAL) | (ages["kind"] == TOTAL)).to_numpy()
    totals = rows[is_total].assign(value=np.where(unavailable, np.nan, rows["value"])[is_total])
    check_totals(rows[leaf], totals, fail)
    people = rows[person & known].join(ages[["age_start", "age_span"]])
    if people.empty:
        raise InputError("男・女の年齢別の人口の行がありません", file, sheet, header.row + 2)
    people = allocate_unknown(people, rows[person & unknown]).reset_index(drop=True)
    _check_open_age(people, table)
    where = Where(file, sheet, table.rows[people["position"].to_numpy()],
                  {"age_start": header.names[header.roles["age"]]})
    check_coverage(people.drop(columns="position"), where)
    return canonical(one_area(people, area_code))


def _check_open_age(people: pd.DataFrame, table: _Table) -> None:
    early = (people["age_span"].isna() & (people["age_start"] < 90)).to_numpy()
    if early.any():
        row = people[early].iloc[0]
        message = (f"年齢の最後の階級が {row.age_label} です (90歳以上まで分かれた表にしてください)")
        raise table.error(message, int(row.position), "age")


def one_area(people: pd.DataFrame, area_code: str | None) -> pd.DataFrame:
    """A table of several areas given the user's one area (a single municipality uploading a
    prefecture's table) is cut to that area; without it, every area is kept."""
    if area_code is None or people["area_code"].nunique() < 2:
        return people
    try:
        code = normalize_code(area_code)
    except AreaCodeError:
        return people
    mine = people["area_code"] == code
    return people[mine] if mine.any() else people
