"""Readers for the national HMD/HFD tables by single year of age.

Open-ended ages (HMD ``110+``, HFD ``12-`` and ``55+``) keep their bound as the integer age and
are flagged in ``open_age`` so life-table code can close the table without parsing strings.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

import pandas as pd

from sousei.io.errors import InputError


def _age_column(ages: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = ages.astype(str).str.strip()
    is_open = text.str.endswith(("+", "-"))
    return text.str.rstrip("+-").astype(int), is_open


def read_hmd_mx(source: str | IO[bytes], name: str | None = None) -> pd.DataFrame:
    """HMD ``Mx_1x1``: columns year, age, open_age, sex (M/F), mx (central death rate).

    The file is fixed-width text with a title line and a blank line; ``.`` marks a missing
    rate and becomes NaN. The ``Total`` column is dropped (it is not a sex).
    """
    label = name or str(source)
    data = source.read() if hasattr(source, "read") else Path(source).read_bytes()
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines) if line.split()[:2] == ["Year", "Age"]), None)
    if header is None:
        raise InputError("HMD Mx_1x1 の見出し行 (Year Age Female Male Total) がありません", label)
    raw = pd.read_csv(
        io.StringIO("\n".join(lines[header:])), sep=r"\s+", dtype=str, na_values=["."]
    )
    age, is_open = _age_column(raw["Age"])
    parts = []
    for sex, column in (("M", "Male"), ("F", "Female")):
        parts.append(
            pd.DataFrame(
                {
                    "year": raw["Year"].astype(int),
                    "age": age,
                    "open_age": is_open,
                    "sex": sex,
                    "mx": pd.to_numeric(raw[column], errors="coerce"),
                }
            )
        )
    frame = pd.concat(parts, ignore_index=True)
    return frame.sort_values(["sex", "year", "age"], kind="stable").reset_index(drop=True)


def read_female_lifetable(source: str | IO[bytes], name: str | None = None) -> pd.DataFrame:
    """HMD female life table 1x1: year, age, open_age, mx, qx, ax, lx, dx, Lx, Tx, ex."""
    label = name or str(source)
    raw = pd.read_csv(source, dtype={"Age": str})
    columns = ["Year", "Age", "mx", "qx", "ax", "lx", "dx", "Lx", "Tx", "ex"]
    missing = [c for c in columns if c not in raw.columns]
    if missing:
        raise InputError(f"列 {', '.join(missing)} がありません", file=label, row=1)
    age, is_open = _age_column(raw["Age"])
    frame = raw[columns[2:]].astype(float)
    frame.insert(0, "open_age", is_open)
    frame.insert(0, "age", age)
    frame.insert(0, "year", raw["Year"].astype(int))
    return frame


def read_hfd_asfr(source: str | IO[bytes], name: str | None = None) -> pd.DataFrame:
    """HFD ASFR 1x1: year, age, open_age, asfr (births per woman-year; ``12-`` and ``55+``
    are the open ends). Summing asfr over ages gives the period TFR."""
    label = name or str(source)
    raw = pd.read_csv(source, dtype={"Age": str})
    missing = [c for c in ("Year", "Age", "ASFR") if c not in raw.columns]
    if missing:
        raise InputError(f"列 {', '.join(missing)} がありません", file=label, row=1)
    age, is_open = _age_column(raw["Age"])
    return pd.DataFrame(
        {
            "year": raw["Year"].astype(int),
            "age": age,
            "open_age": is_open,
            "asfr": raw["ASFR"].astype(float),
        }
    )
