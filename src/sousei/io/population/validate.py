"""Parse and check a long-layout table read as text, pointing at the offending cell.

Readers of the long format (CSV, xlsx) hand over every cell as a string together with the row
number the user sees in the editor; everything is checked here before one value reaches the
engine, and the first problem raises :class:`InputError` naming file, sheet, row and column.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_LABELS_JA, AGE_STEP, N_AGES, OPEN_AGE
from sousei.demography.bounds import MAX_AGE, MAX_PERSONS, YEARS
from sousei.io.errors import InputError, Where
from sousei.io.population.layout import COLUMNS, canonical
from sousei.io.reference.codes import AreaCodeError, is_known_code, normalize_code

SEX_ALIASES = {
    "M": "M",
    "F": "F",
    "m": "M",
    "f": "F",
    "男": "M",
    "女": "F",
    "男性": "M",
    "女性": "F",
}
NATIONALITY_ALIASES = {
    "total": "total",
    "japanese": "japanese",
    "foreign": "foreign",
    "総数": "total",
    "日本人": "japanese",
    "外国人": "foreign",
}
HEADER_ALIASES = {
    "地域コード": "area_code",
    "国籍": "nationality",
    "性別": "sex",
    "年齢": "age_start",
    "年齢幅": "age_span",
    "年": "year",
    "人口": "value",
}
KEYS = ["area_code", "nationality", "sex", "year"]


def rename_headers(headers: list[str]) -> list[str]:
    """English column names as they are, Japanese ones (地域コード, 人口 …) translated."""
    return [HEADER_ALIASES.get(h.strip(), h.strip()) for h in headers]


def _first(mask: pd.Series | np.ndarray) -> int:
    return int(np.flatnonzero(np.asarray(mask))[0])


def _codes(text: pd.Series, where: Where) -> pd.Series:
    mapping: dict[str, str] = {}
    # Positions by factorize, not ``text == value``: numpy compares "\x00" equal to "".
    index, uniques = pd.factorize(text)
    for number, value in enumerate(uniques):
        try:
            code = normalize_code(value)
        except AreaCodeError as error:
            raise where.error(str(error), _first(index == number), "area_code") from error
        if not is_known_code(code):
            message = f"地域コード {value} は全国地方公共団体コード表にありません"
            raise where.error(message, _first(index == number), "area_code")
        mapping[value] = code
    return text.map(mapping)


def _labels(text: pd.Series, aliases: dict[str, str], column: str, where: Where) -> pd.Series:
    mapped = text.str.strip().map(aliases)
    if mapped.isna().any():
        position = _first(mapped.isna())
        allowed = "、".join(aliases)
        message = f"{text.iloc[position]!r} は使えません (使える値: {allowed})"
        raise where.error(message, position, column)
    return mapped


# The range of each integer column (inclusive); a year or age outside is a typing error.
INTEGER_RANGES = {"age_start": (0, MAX_AGE), "age_span": (1, MAX_AGE), "year": YEARS}


def _integers(text: pd.Series, column: str, where: Where, allow_empty: bool = False):
    """Whole numbers >= 0 in their column's range (counts up to MAX_PERSONS); empty cells are
    NaN where allowed (then float, else int64)."""
    stripped = text.str.strip().str.replace(r"\.0+$", "", regex=True)
    empty = stripped == ""
    numbers = pd.to_numeric(stripped.where(~empty), errors="coerce").astype(float)
    bad = ~empty & (numbers.isna() | ~np.isfinite(numbers) | (numbers < 0)
                    | (numbers != numbers.round()))
    if not allow_empty:
        bad |= empty
    if bad.any():
        position = _first(bad)
        message = f"{text.iloc[position]!r} は0以上の整数ではありません"
        raise where.error(message, position, column)
    low, high = INTEGER_RANGES.get(column, (0, MAX_PERSONS))
    out = ~empty & ((numbers < low) | (numbers > high))
    if out.any():
        position = _first(out)
        message = f"{text.iloc[position]!r} は {low:,.0f}～{high:,.0f} の範囲にありません"
        raise where.error(message, position, column)
    return numbers if allow_empty else numbers.astype("int64")


def _values(text: pd.Series, where: Where) -> pd.Series:
    numbers = pd.to_numeric(text.str.strip().str.replace(",", ""), errors="coerce")
    bad = numbers.isna() | ~np.isfinite(numbers.fillna(0))
    if bad.any():
        position = _first(bad)
        message = f"人口 {text.iloc[position]!r} が数値ではありません"
        raise where.error(message, position, "value")
    if (numbers < 0).any():
        position = _first(numbers < 0)
        raise where.error(f"人口が負の値 ({text.iloc[position]}) です", position, "value")
    if (numbers > MAX_PERSONS).any():
        position = _first(numbers > MAX_PERSONS)
        raise where.error(f"人口 {text.iloc[position]} が上限 {MAX_PERSONS:.0e} 人を超えています",
                          position, "value")
    return numbers.astype(float)


def parse_long(raw: pd.DataFrame, where: Where) -> pd.DataFrame:
    """Text cells in the long layout -> the canonical frame, or :class:`InputError`."""
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        names = "、".join(missing)
        raise InputError(f"列 {names} がありません (見出しは1行目)", where.file, where.sheet, 1)
    if raw.empty:
        raise InputError("データ行がありません", where.file, where.sheet, 2)
    raw = raw.fillna("").astype(str)
    frame = pd.DataFrame(
        {
            "area_code": _codes(raw["area_code"].str.strip(), where),
            "nationality": _labels(raw["nationality"], NATIONALITY_ALIASES, "nationality", where),
            "sex": _labels(raw["sex"], SEX_ALIASES, "sex", where),
            "age_start": _integers(raw["age_start"], "age_start", where),
            "age_span": _integers(raw["age_span"], "age_span", where, allow_empty=True),
            "year": _integers(raw["year"], "year", where),
            "value": _values(raw["value"], where),
        }
    )
    frame["age_span"] = frame["age_span"].astype("Int64")
    _check_duplicates(frame, where)
    _check_grid(frame, where)
    check_coverage(frame, where)
    return canonical(frame)


def _check_duplicates(frame: pd.DataFrame, where: Where) -> None:
    duplicated = frame.duplicated([*KEYS, "age_start"], keep=False)
    if duplicated.any():
        first = _first(duplicated)
        row = frame.iloc[first]
        same = frame[[*KEYS, "age_start"]].eq(row[[*KEYS, "age_start"]]).all(axis=1)
        rows = "、".join(str(int(where.rows[i])) for i in np.flatnonzero(same.to_numpy()))
        message = (
            f"{row.area_code} {row.nationality} {row.sex} {row.age_start}歳 {row.year}年 が"
            f"複数行 ({rows}行目) にあります"
        )
        raise where.error(message, first, "age_start")


def _check_grid(frame: pd.DataFrame, where: Where) -> None:
    """Every group must fit inside one 5-year group (or in 90+); open groups start >= 90."""
    start = frame["age_start"].to_numpy()
    span = frame["age_span"]
    is_open = span.isna().to_numpy()
    end = start + span.fillna(1).to_numpy(dtype=int) - 1
    crosses = ~is_open & (start < OPEN_AGE) & (start // AGE_STEP != end // AGE_STEP)
    if crosses.any():
        position = _first(crosses)
        message = (
            f"年齢階級 {start[position]}～{end[position]}歳 が5歳階級の境をまたいでいます "
            "(0～4歳、5～9歳 … 85～89歳、90歳以上 に分けられる区切りにしてください)"
        )
        raise where.error(message, position, "age_span")
    early = is_open & (start < OPEN_AGE)
    if early.any():
        position = _first(early)
        message = (
            f"上限のない年齢階級が {start[position]}歳 から始まっています (90歳以上が必要です)"
        )
        raise where.error(message, position, "age_span")


def _missing_groups(starts: np.ndarray, spans: np.ndarray) -> list[str]:
    """Labels of grid groups whose ages are not all present; an open row covers its start
    and every age above it, so 90-99 with 100+ counts as 90+."""
    limit = 130
    covered = np.zeros(limit, dtype=int)
    for start, span in zip(starts, spans, strict=True):
        stop = limit if math.isnan(span) else min(limit, start + int(span))
        covered[min(start, limit) : stop] += 1
    labels = []
    for group in range(N_AGES):
        stop = limit if group == N_AGES - 1 else (group + 1) * AGE_STEP
        if covered[group * AGE_STEP : stop].min() == 0:
            labels.append(AGE_LABELS_JA[group])
    return labels


def check_coverage(frame: pd.DataFrame, where: Where | None = None) -> None:
    """Each area/nationality/sex/year must cover ages 0-89 once and end with an open group."""
    ordered = frame.reset_index(drop=True).sort_values([*KEYS, "age_start"], kind="stable")
    key = ordered.groupby(KEYS, sort=False).ngroup().to_numpy()
    start = ordered["age_start"].to_numpy()
    span = ordered["age_span"].astype("float64").to_numpy()
    first_of_key = np.r_[True, key[1:] != key[:-1]]
    last_of_key = np.r_[key[1:] != key[:-1], True]
    expected_start = np.r_[0, start[:-1] + np.nan_to_num(span[:-1], nan=0)]
    bad = (first_of_key & (start != 0)) | (~first_of_key & (start != expected_start))
    bad |= last_of_key & ~np.isnan(span)
    bad |= ~last_of_key & np.isnan(span)
    if not bad.any():
        return
    failing = key[_first(bad)]
    rows = ordered[key == failing]
    labels = _missing_groups(
        rows["age_start"].to_numpy(), rows["age_span"].astype(float).to_numpy()
    )
    head = rows.iloc[0]
    subject = f"{head.area_code} {head.nationality} {head.sex} {head.year}年"
    if labels:
        message = f"{subject}: 年齢階級 {'、'.join(labels)} がありません (0歳から90歳以上まで必要)"
    else:
        message = f"{subject}: 年齢階級が重なっています"
    position = int(rows.index[0])
    if where is None:
        raise InputError(message)
    raise where.error(message, position, "age_start")
