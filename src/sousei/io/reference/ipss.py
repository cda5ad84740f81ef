"""Reader for IPSS 2018 「日本の地域別将来推計人口」 (sex x 5-year age, every area, 2015-2045).

The published CSV has two header rows (sex, then age), codes without the leading zero
(``1000`` = 北海道) and years as ``2015年``. Only the male and female blocks go into the long
layout; the 総数 block and the per-sex totals are sums of them (checked in the tests).
"""

from __future__ import annotations

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
