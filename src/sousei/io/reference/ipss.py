"""Readers for IPSS 「日本の地域別将来推計人口」: 2018 (sex x 5-year age, every area, 2015-2045)
and 2023 (totals and 3 age groups, every area, 2025-2050).

The published CSV has two header rows (sex, then age), codes without the leading zero
(``1000`` = 北海道) and years as ``2015年``. Only the male and female blocks go into the long
layout; the 総数 block and the per-sex totals are sums of them (checked in the tests).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

import pandas as pd

from sousei.io.errors import InputError
from sousei.io.population.layout import canonical, parse_age_label

_ID_COLUMNS = ("area_code", "kind", "prefecture", "municipality", "year")
_BLOCK = 20  # 総数 + 19 age groups per sex
_KINDS = {"a": "prefecture", "1": "designated_city", "0": "ward", "2": "city", "3": "town_village"}


def _read_raw(source: str | IO[bytes], label: str) -> tuple[pd.DataFrame, list]:
    raw = pd.read_csv(source, header=None, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    if raw.shape[1] != len(_ID_COLUMNS) + 3 * _BLOCK or raw.iloc[0, 0] != "コード":
        raise InputError(
            "IPSS 2018 の推計結果一覧の形 (見出し2行、コード・市などの別・都道府県・市区町村・年、"
            "総数・男・女の各20列) ではありません",
            file=label,
            row=1,
        )
    age_labels = list(raw.iloc[1])
    body = raw.iloc[2:].reset_index(drop=True)
    body.columns = list(_ID_COLUMNS) + [f"c{i}" for i in range(3 * _BLOCK)]
    body = body[body["area_code"].str.strip() != ""]
    body["area_code"] = body["area_code"].str.strip().str.zfill(5)
    body["year"] = body["year"].str.replace("年", "", regex=False).astype(int)
    return body, age_labels


def read_ipss2018(source: str | IO[bytes], name: str | None = None) -> pd.DataFrame:
    """The projection in the long layout (nationality ``total``; sexes M and F)."""
    label = name or str(source)
    body, age_labels = _read_raw(source, label)
    parts = []
    for sex, block in (("M", 1), ("F", 2)):
        first = len(_ID_COLUMNS) + block * _BLOCK + 1  # skip the block's 総数
        for offset in range(_BLOCK - 1):
            column = first + offset
            start, span = parse_age_label(age_labels[column])
            values = pd.to_numeric(body[f"c{column - len(_ID_COLUMNS)}"].str.replace(",", ""))
            parts.append(
                pd.DataFrame(
                    {
                        "area_code": body["area_code"],
                        "nationality": "total",
                        "sex": sex,
                        "age_start": start,
                        "age_span": span,
                        "year": body["year"],
                        "value": values,
                    }
                )
            )
    frame = pd.concat(parts, ignore_index=True)
    frame["age_span"] = frame["age_span"].astype("Int64")
    return canonical(frame)


def _header_checked(data: bytes, label: str) -> list[str]:
    """The age labels row of the two header rows, after checking the table's shape."""
    head = pd.read_csv(io.BytesIO(data), header=None, nrows=2, dtype=str, encoding="utf-8-sig",
                       keep_default_na=False)
    if head.shape[1] != len(_ID_COLUMNS) + 3 * _BLOCK or head.iloc[0, 0] != "コード":
        raise InputError(
            "IPSS 2018 の推計結果一覧の形 (見出し2行、コード・市などの別・都道府県・市区町村・年、"
            "総数・男・女の各20列) ではありません", file=label, row=1)
    return list(head.iloc[1])


def read_ipss2018_groups(source: str | IO[bytes], name: str | None = None) -> pd.DataFrame:
    """IPSS 2018's 総数 block as totals and 3 age groups, the frame of :func:`read_ipss2023`.

    Only the 総数 block's 20 columns are parsed, as numbers: a comparison table needs no more,
    and building the 600,000-row long layout would cost 1 s of every CLI run.
    """
    label = name or str(source)
    data = source.read() if hasattr(source, "read") else Path(source).read_bytes()
    age_labels = _header_checked(data, label)
    width = len(_ID_COLUMNS) + _BLOCK
    body = pd.read_csv(io.BytesIO(data), header=None, skiprows=2, usecols=range(width),
                       dtype={i: str for i in range(len(_ID_COLUMNS))}, encoding="utf-8-sig",
                       keep_default_na=False, thousands=",")
    body = body[body[0].str.strip() != ""]
    starts = [parse_age_label(age_labels[k])[0] for k in range(len(_ID_COLUMNS) + 1, width)]
    ages = body.iloc[:, len(_ID_COLUMNS) + 1:].apply(pd.to_numeric, errors="coerce")
    ages.columns = starts
    groups = {"child": [a for a in starts if a < 15], "working": [a for a in starts if 15 <= a < 65],
              "elderly": [a for a in starts if a >= 65]}
    return pd.DataFrame({
        "area_code": body[0].str.strip().str.zfill(5).to_numpy(),
        "year": body[4].str.replace("年", "", regex=False).astype(int).to_numpy(),
        "total": pd.to_numeric(body[len(_ID_COLUMNS)], errors="coerce").to_numpy(),
        **{group: ages[columns].sum(axis=1).to_numpy() for group, columns in groups.items()},
    })


def read_ipss2018_areas(source: str | IO[bytes], name: str | None = None) -> pd.DataFrame:
    """One row per area: area_code, kind (prefecture/designated_city/ward/city/town_village),
    prefecture, name (``札幌市中央区`` for wards) as IPSS labels them."""
    body, _ = _read_raw(source, name or str(source))
    areas = body.drop_duplicates("area_code")[["area_code", "kind", "prefecture", "municipality"]]
    kind = areas["kind"].str.strip().map(_KINDS).fillna("unknown")
    display = areas["municipality"].where(areas["municipality"] != "", areas["prefecture"])
    return pd.DataFrame(
        {
            "area_code": areas["area_code"].to_numpy(),
            "kind": kind.to_numpy(),
            "prefecture": areas["prefecture"].to_numpy(),
            "name": display.str.replace(" ", "").str.replace("　", "").to_numpy(),
        }
    )


IPSS2023_COLUMNS = ("code", "kind", "prefecture", "municipality", "year", "total", "age0_14",
                    "age15_64", "age65_plus")
IPSS2023_GROUPS = ("child", "working", "elderly")


def read_ipss2023(source: str | IO[bytes], name: str | None = None) -> pd.DataFrame:
    """IPSS 2023 (令和5年推計) totals and 3 age groups: area_code, year, total, child, working,
    elderly, one row per area and year (2025-2050, 2020 codes; 07999 is IPSS's 浜通り aggregate).

    The groups are checked to add up to the total: a row where they do not was mistyped, and a
    comparison drawn from it would mislead, so the file is refused naming the row.
    """
    label = name or str(source)
    raw = pd.read_csv(source, dtype={c: str for c in IPSS2023_COLUMNS[:4]}, thousands=",",
                      encoding="utf-8-sig", keep_default_na=False)
    if tuple(raw.columns) != IPSS2023_COLUMNS:
        raise InputError(
            "IPSS 2023 の総数・年齢3区分の表 (code, kind, prefecture, municipality, year, total, "
            "age0_14, age15_64, age65_plus) ではありません", file=label, row=1)
    values = raw[list(IPSS2023_COLUMNS[4:])].apply(pd.to_numeric, errors="coerce")
    bad = values.isna().any(axis=1) | (
        values["age0_14"] + values["age15_64"] + values["age65_plus"] != values["total"])
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise InputError("年齢3区分の合計が総数と一致しないか、数値でない欄があります",
                         file=label, row=row + 2)
    return pd.DataFrame({
        "area_code": raw["code"].str.strip().str.zfill(5),
        "year": values["year"].astype(int),
        "total": values["total"].astype(int),
        "child": values["age0_14"].astype(int),
        "working": values["age15_64"].astype(int),
        "elderly": values["age65_plus"].astype(int),
    })
