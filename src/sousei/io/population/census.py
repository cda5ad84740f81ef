"""Reader for the census tables 1980-2015 by municipality or prefecture x sex x 5-year age.

The source (ecitizen) is long by age and wide by year, with a ``T`` total sex and the groups
``total`` and ``unknown`` (年齢不詳). Only M and F by age group go into the long layout: the
total rows are redundant (and off by one in 34 re-aggregated cells). 年齢不詳 is returned apart,
in :attr:`CensusTables.age_unknown`, because IPSS allocates it before projecting and the engine
must decide how; dropping it silently would lose up to 3% of a city (久留米市 2015: 7,765).
"""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path
from typing import IO, NamedTuple

import numpy as np
import pandas as pd

from sousei.demography.bounds import MAX_AGE, MAX_PERSONS, YEARS
from sousei.io.csv_text import decode_csv, parser_row
from sousei.io.errors import InputError, Where
from sousei.io.population.layout import canonical, parse_age_label

_SEXES = {"M": "M", "F": "F"}


class CensusTables(NamedTuple):
    """``population``: the long layout (M/F by age group); ``age_unknown``: 年齢不詳 persons
    with columns area_code, nationality, sex, year, value (one row per area, sex and year)."""

    population: pd.DataFrame
    age_unknown: pd.DataFrame


def _table(source: str | IO[bytes], label: str) -> pd.DataFrame:
    """Every cell as text: the file decoded (gzip allowed) with the row a damaged line is on."""
    data = Path(source).read_bytes() if isinstance(source, str | Path) else source.read()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as error:
            raise InputError(f"gzip 圧縮ファイルとして読めません ({error})", label, row=1) from None
    text = decode_csv(data, label)
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise InputError(f"CSV として読めません ({error})", label, row=parser_row(error)) from None


def _where(raw: pd.DataFrame, label: str) -> Where:
    """Positions in ``raw`` (filtered, index kept from the file) -> editor rows."""
    return Where(label, None, raw.index.to_numpy() + 2, {c: str(c) for c in raw.columns})


def _counts(raw: pd.DataFrame, columns: list[str], where: Where) -> pd.DataFrame:
    """The year columns as persons: whole, finite, 0 to MAX_PERSONS (vectorised per column).

    Plain numbers are converted directly; only the cells that do not read as one (blank,
    ``1,234``, spaces, damage) go through the text clean-up, which costs ~1 us a cell and ran
    on every cell of every ``sousei project`` before.
    """
    out = {}
    for column in columns:
        numbers = pd.to_numeric(raw[column], errors="coerce").astype(float)
        unread = numbers.isna().to_numpy()
        blank = np.zeros(len(raw), bool)
        if unread.any():
            text = raw[column][unread].str.strip().str.replace(",", "", regex=False)
            numbers[unread] = pd.to_numeric(text, errors="coerce").astype(float).to_numpy()
            blank[unread] = (text == "").to_numpy()  # a municipality not yet formed that year
        values = numbers.to_numpy()
        bad = ~blank & ~(np.isfinite(values) & (values >= 0) & (values <= MAX_PERSONS))
        if bad.any():
            position = int(np.flatnonzero(bad)[0])
            raise where.error(f"人口 {raw[column].iat[position]!r} は0～{MAX_PERSONS:.0e}の数値では"
                              "ありません", position, column)
        numbers[blank] = np.nan
        out[column] = numbers
    return raw.assign(**out)


def _check_keys(raw: pd.DataFrame, where: Where) -> None:
    bad_code = ~raw["code"].str.fullmatch(r"\d{1,5}")
    if bad_code.any():
        position = int(np.flatnonzero(bad_code.to_numpy())[0])
        raise where.error(f"地域コード {raw['code'].iat[position]!r} は5桁までの数字ではありません",
                          position, "code")
    twice = raw.duplicated(["code", "sex", "age_group"], keep="first").to_numpy()
    if twice.any():
        position = int(np.flatnonzero(twice)[0])
        row = raw.iloc[position]
        raise where.error(f"{row.code} {row.sex} {row.age_group} が2回あります", position,
                          "age_group")


def read_census(source: str | Path | IO[bytes], name: str | None = None) -> CensusTables:
    """Read ``census_*_1980_2015.csv`` (municipal or prefectural, same layout, gzip allowed)."""
    label = name or str(source)
    raw = _table(source, label)
    needed = {"code", "sex", "age_group"}
    missing = needed - set(raw.columns)
    if missing:
        raise InputError(f"列 {', '.join(sorted(missing))} がありません", file=label, row=1)
    year_columns = [c for c in raw.columns
                    if c.startswith("y") and c[1:].isdigit() and YEARS[0] <= int(c[1:]) <= YEARS[1]]
    if not year_columns:
        raise InputError("年の列 (y1980 など) がありません", file=label, row=1)
    raw = raw[raw["sex"].isin(list(_SEXES))]
    where = _where(raw, label)
    raw = raw.reset_index(drop=True)
    _check_keys(raw, where)
    raw = _counts(raw, year_columns, where)
    labels = [a for a in raw["age_group"].unique() if a not in ("unknown", "total")]
    ages = {}
    for text in labels:
        try:
            start, span = ages[text] = parse_age_label(text)
            if start > MAX_AGE or (span is not None and not 1 <= span <= MAX_AGE):
                raise ValueError(f"年齢階級 {text!r} の範囲が正しくありません")
        except ValueError as error:
            position = int(np.flatnonzero((raw["age_group"] == text).to_numpy())[0])
            raise where.error(str(error), position, "age_group") from None
    raw = raw.assign(
        area_code=raw["code"].str.zfill(5),
        age_start=raw["age_group"].map({k: v[0] for k, v in ages.items()}),
        age_span=raw["age_group"].map({k: v[1] for k, v in ages.items()}),
    )
    long = raw.melt(
        id_vars=["area_code", "sex", "age_group", "age_start", "age_span"],
        value_vars=year_columns,
        var_name="year",
        value_name="value",
    )
    long["year"] = long["year"].map({c: int(c[1:]) for c in year_columns})
    long["nationality"] = "total"
    unknown_rows = long["age_group"] == "unknown"
    age_unknown = (
        long.loc[unknown_rows, ["area_code", "nationality", "sex", "year", "value"]]
        .astype({"value": float})
        .sort_values(["area_code", "year", "sex"])
        .reset_index(drop=True)
    )
    grouped = long[~unknown_rows & (long["age_group"] != "total")]
    return CensusTables(canonical(grouped), age_unknown)
