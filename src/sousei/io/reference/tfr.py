"""Readers for total fertility rate (合計特殊出生率) tables: municipal, prefectural, national.

Each returns a tidy frame keyed by code and year so scenario code can look a TFR up without
knowing how the source spelled it (romaji prefecture names, 平成 years, ``-`` for missing).
"""

from __future__ import annotations

import re
from typing import IO

import pandas as pd

from sousei.io.errors import InputError

VARIANTS = {"中位": "medium", "高位": "high", "低位": "low"}


def read_municipal_tfr(source: str | IO[bytes], name: str | None = None) -> pd.DataFrame:
    """Municipal TFR 2008-2012 (ベイズ推定値): area_code, name, tfr (NaN where ``-``).

    Codes are those of 2008-2012 and include designated-city wards; map them with
    :func:`sousei.io.reference.mergers.current_code` before joining to later tables.
    """
    label = name or str(source)
    raw = pd.read_csv(source, dtype=str, encoding="utf-8-sig")
    missing = [c for c in ("code", "name", "tfr") if c not in raw.columns]
    if missing:
        raise InputError(f"列 {', '.join(missing)} がありません", file=label, row=1)
    return pd.DataFrame(
        {
            "area_code": raw["code"].str.strip().str.zfill(5),
            "name": raw["name"],
            "tfr": pd.to_numeric(raw["tfr"].str.strip(), errors="coerce"),
        }
    )


def read_prefecture_tfr(source: str | IO[bytes], name: str | None = None) -> pd.DataFrame:
    """Prefectural TFR 1960-2021: pref_code (``"40"``, ``"00"`` = 全国), area_code
    (``"40000"``, ``"00000"``), year, tfr. Years without a figure (Okinawa before 1975) are
    left out rather than carried as NaN."""
    label = name or str(source)
    raw = pd.read_csv(source, dtype=str)
    if raw.shape[1] < 3 or not all(c.isdigit() for c in raw.columns[2:]):
        raise InputError("1列目が都道府県番号、3列目以降が年の表ではありません", file=label, row=1)
    raw = raw.rename(columns={raw.columns[0]: "number", raw.columns[1]: "prefecture"})
    long = raw.melt(id_vars=["number", "prefecture"], var_name="year", value_name="tfr")
    long["tfr"] = pd.to_numeric(long["tfr"], errors="coerce")
    long = long.dropna(subset=["tfr"])
    pref_code = long["number"].astype(int).map(lambda n: f"{n:02d}")
    return pd.DataFrame(
        {
            "pref_code": pref_code.to_numpy(),
            "area_code": (pref_code + "000").to_numpy(),
            "year": long["year"].astype(int).to_numpy(),
            "tfr": long["tfr"].to_numpy(),
        }
    ).sort_values(["area_code", "year"], ignore_index=True)


_YEAR = re.compile(r"\((\d{4})\)")


def read_national_tfr_assumption(source: str | IO[bytes], name: str | None = None) -> pd.DataFrame:
    """IPSS 2017 national assumed TFR: year, variant (medium/high/low), tfr.

    The year column mixes 平成 era numbers and the Western year in parentheses; only the
    parenthesised year is trusted. Notes below the table are skipped.
    """
    label = name or str(source)
    raw = pd.read_csv(source, header=None, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    header = [str(v).strip() for v in raw.iloc[0]]
    columns = {i: VARIANTS[h] for i, h in enumerate(header) if h in VARIANTS}
    if len(columns) != len(VARIANTS):
        raise InputError("中位・高位・低位の列がありません", file=label, row=1)
    rows = []
    for index, record in raw.iterrows():
        match = _YEAR.search(str(record.iloc[1]))
        if not match:
            continue
        for column, variant in columns.items():
            try:
                value = float(str(record.iloc[column]).strip())
            except ValueError as error:
                raise InputError(
                    f"出生率 {record.iloc[column]!r} が数値ではありません",
                    file=label,
                    row=int(index) + 1,
                    column=header[column],
                ) from error
            rows.append((int(match.group(1)), variant, value))
    return pd.DataFrame(rows, columns=["year", "variant", "tfr"])
