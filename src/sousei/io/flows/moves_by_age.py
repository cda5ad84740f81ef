"""Moves by age and sex (転入・転出) from 住民基本台帳人口移動報告 or a municipality's own extract.

Columns (Japanese headers accepted, any order): year/年, area_code/地域コード, sex/性別,
age_start/年齢, age_span/年齢幅 (as in the long population layout: 5 for 5-year groups, 1 for
single years, empty for the open group), in_moves/転入, out_moves/転出. Each area, sex and year
must cover ages 0 to 90+ without gap or overlap; counts are whole persons, not negative. The
table is summed into the 5-year grid (0-4 … 85-89, 90+). CSV (UTF-8 or cp932) or XLSX (first
sheet, header on row 1). The first problem raises :class:`InputError` naming file, sheet, row
and column, and nothing is returned.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter

from sousei.demography.ages import AGE_STEP, OPEN_AGE
from sousei.io.errors import InputError, Where
from sousei.io.population.validate import (
    SEX_ALIASES,
    _check_grid,
    _codes,
    _integers,
    _labels,
    check_coverage,
)
from sousei.io.safe_text import csv_safe
from sousei.io.upload_table import csv_rows, decode_csv, xlsx_cells

COLUMNS = ("year", "area_code", "sex", "age_start", "age_span", "in_moves", "out_moves")
ALIASES = {
    "年": "year",
    "地域コード": "area_code",
    "性別": "sex",
    "年齢": "age_start",
    "年齢幅": "age_span",
    "転入": "in_moves",
    "転入数": "in_moves",
    "転入者数": "in_moves",
    "転出": "out_moves",
    "転出数": "out_moves",
    "転出者数": "out_moves",
}
KEYS = ["area_code", "sex", "year", "age_start"]


def _raw(data: bytes, file: str) -> tuple[pd.DataFrame, Where]:
    """Every cell as text with the row numbers and column labels an editor shows."""
    suffix = Path(file).suffix.lower()
    sheet = None
    if suffix in (".xlsx", ".xlsm"):
        cells, sheet = xlsx_cells(data, file)
    elif suffix in (".csv", ".txt"):
        cells = [[c.strip() for c in row] for row in csv_rows(decode_csv(data, file), file)]
    else:
        raise InputError("CSV (.csv) か Excel ブック (.xlsx) を指定してください", file)
    if not cells:
        raise InputError("ファイルが空です", file, sheet, 1)
    headers = [ALIASES.get(h, h) for h in cells[0]]
    missing = [c for c in COLUMNS if c not in headers]
    if missing:
        raise InputError(f"列 {'、'.join(missing)} がありません (見出しは1行目)", file, sheet, 1)
    width = len(headers)
    body = [row[:width] + [""] * (width - len(row)) for row in cells[1:]]
    raw = pd.DataFrame(body, columns=headers, dtype=str)
    keep = (raw != "").any(axis=1).to_numpy() if len(raw) else np.zeros(0, bool)
    if not keep.any():
        raise InputError("データ行がありません", file, sheet, 2)
    rows = (np.arange(len(raw)) + 2)[keep]
    if sheet is None:
        labels = {h: h for h in headers}
    else:
        labels = {h: f"{get_column_letter(i + 1)}列 ({h})" for i, h in enumerate(headers)}
    return raw[keep].reset_index(drop=True), Where(file, sheet, rows, labels)


def _check_duplicates(frame: pd.DataFrame, where: Where) -> None:
    duplicated = frame.duplicated(KEYS, keep=False).to_numpy()
    if duplicated.any():
        first = int(np.flatnonzero(duplicated)[0])
        row = frame.iloc[first]
        same = frame[KEYS].eq(row[KEYS]).all(axis=1).to_numpy()
        rows = "、".join(str(int(where.rows[i])) for i in np.flatnonzero(same))
        message = f"{row.area_code} {row.sex} {row.age_start}歳 {row.year}年 が複数行 ({rows}行目) にあります"
        raise where.error(message, first, "age_start")


def _check_areas(codes: pd.Series, allowed: set[str] | None, where: Where) -> pd.Series:
    outside = ~codes.isin(allowed) if allowed is not None else pd.Series(False, codes.index)
    if outside.any():
        position = int(np.flatnonzero(outside.to_numpy())[0])
        message = (
            f"地域コード {codes.iloc[position]} はこの団体の区域ではありません "
            f"(使えるコード: {'、'.join(sorted(allowed or ()))})"
        )
        raise where.error(message, position, "area_code")
    return codes


def parse_moves(raw: pd.DataFrame, where: Where, allowed: set[str] | None = None) -> pd.DataFrame:
    """Text cells -> moves on the 5-year grid (year, area_code, sex, age_start, in, out)."""
    counts = {c: raw[c].str.replace(",", "", regex=False) for c in ("in_moves", "out_moves")}
    codes = _check_areas(_codes(raw["area_code"].str.strip(), where), allowed, where)
    frame = pd.DataFrame(
        {
            "area_code": codes,
            "nationality": "total",
            "sex": _labels(raw["sex"], SEX_ALIASES, "sex", where),
            "age_start": _integers(raw["age_start"], "age_start", where),
            "age_span": _integers(raw["age_span"], "age_span", where, allow_empty=True),
            "year": _integers(raw["year"], "year", where),
            "in_moves": _integers(counts["in_moves"], "in_moves", where),
            "out_moves": _integers(counts["out_moves"], "out_moves", where),
        }
    )
    frame["age_span"] = frame["age_span"].astype("Int64")
    zero = frame["age_span"].eq(0).fillna(False).to_numpy(dtype=bool)  # empty (open) is NA
    if zero.any():
        position = int(np.flatnonzero(zero)[0])
        raise where.error("年齢幅 0 は使えません", position, "age_span")
    _check_duplicates(frame, where)
    _check_grid(frame, where)
    check_coverage(frame, where)
    frame["age_start"] = np.minimum(frame["age_start"] // AGE_STEP * AGE_STEP, OPEN_AGE)
    grid = frame.groupby(["year", "area_code", "sex", "age_start"], as_index=False)[
        ["in_moves", "out_moves"]
    ].sum()
    grid[["in_moves", "out_moves"]] = grid[["in_moves", "out_moves"]].astype("int64")
    grid["year"] = grid["year"].astype("int64")
    grid["age_start"] = grid["age_start"].astype("int64")
    return grid.sort_values(["year", "area_code", "sex", "age_start"], kind="stable").reset_index(
        drop=True
    )


def read_moves_by_age(data: bytes, file: str, allowed: set[str] | None = None) -> pd.DataFrame:
    """The moves of a CSV or XLSX file (by its name's suffix), validated, on the 5-year grid.

    Returns columns year, area_code, sex (M/F), age_start (0, 5, … 90), in_moves, out_moves.
    ``allowed`` limits the area codes (an organisation's own areas in the web app).
    """
    raw, where = _raw(data, Path(file).name)
    return parse_moves(raw, where, allowed)


def write_moves_csv(frame: pd.DataFrame) -> bytes:
    """The grid table back as the documented CSV (UTF-8 with BOM; 90+ with an empty span)."""
    out = frame[["year", "area_code", "sex", "age_start", "in_moves", "out_moves"]].copy()
    out.insert(4, "age_span", np.where(out["age_start"] >= OPEN_AGE, "", str(AGE_STEP)))
    return csv_safe(out).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")
