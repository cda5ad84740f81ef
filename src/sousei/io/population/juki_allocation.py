"""Where a 住基 row's 総数 is not the sum of its ages, the difference is allocated to ages.

Two causes, told apart by the row itself:

- **suppressed cells** (``X`` or blank: foreign age detail withheld where men or women number
  1-9 or the total is 49 or less): the difference goes to the suppressed cells in proportion to
  the same sex's ages in the prefecture's row of the same table (the national row for a
  prefecture), which are the published ages of the areas around it; equal shares when those
  are all zero;
- **no suppressed cell** but 総数 above the ages (年齢不詳, or in a 総計 table the foreigners
  whose ages were withheld): in proportion to the row's own ages, the rule the census uses for
  年齢不詳 (the prefecture's ages when the row has none).

A 総数 below the sum of the ages cannot be allocated; the ages are kept as printed and the row
is reported. A missing 総数 is taken as the sum of the ages. Every row treated is listed, so
a user can see each interpretation; whole persons are not enforced (allocated shares are
fractional, as in the census allocation).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sousei.io.population.layout import NATIONAL_CODE

TOLERANCE = 0.5
SEX_LABELS = ("男", "女")


@dataclass(frozen=True)
class Allocation:
    values: np.ndarray  # areas x 2 sexes x ages, no NaN
    allocations: pd.DataFrame
    notes: tuple[str, ...]


def _reference_rows(codes: np.ndarray) -> np.ndarray:
    """Index of each area's reference row: its prefecture, or the national row."""
    index = {code: i for i, code in enumerate(codes)}
    own = np.arange(len(codes))
    national = index.get(NATIONAL_CODE, -1)
    refs = np.array([index.get(code[:2] + "000", national) for code in codes])
    is_total_row = np.array([code.endswith("000") for code in codes])
    refs[is_total_row] = national
    refs[refs < 0] = own[refs < 0]
    return refs


def allocate(ages: np.ndarray, totals: np.ndarray, unknown: np.ndarray,
             areas: pd.DataFrame) -> Allocation:
    """``ages`` areas x 2 x G (NaN = suppressed), ``totals`` areas x 2 (NaN = not printed),
    ``unknown`` areas x 2 (a 年齢不詳 column, counted in the difference anyway)."""
    del unknown  # part of 総数 - Σ ages already; kept in the signature for the reader's report
    suppressed = np.isnan(ages)
    known = np.nansum(ages, axis=2)
    no_total = np.isnan(totals)
    total = np.where(no_total, known, totals)
    remainder = total - known
    published = np.where(suppressed, 0.0, ages)
    reference = published[_reference_rows(areas["area_code"].to_numpy())]

    to_suppressed = (remainder > TOLERANCE) & suppressed.any(axis=2)
    to_own = (remainder > TOLERANCE) & ~suppressed.any(axis=2)
    weights = np.where(to_suppressed[..., None], np.where(suppressed, reference, 0.0), 0.0)
    weights = np.where(to_own[..., None], np.where(published > 0, published, 0.0), weights)
    fallback = to_own & (weights.sum(axis=2) == 0)  # no own ages: the prefecture's
    weights = np.where(fallback[..., None], reference, weights)
    empty = (remainder > TOLERANCE) & (weights.sum(axis=2) == 0)
    cells = np.where(to_suppressed[..., None], suppressed, True)
    weights = np.where(empty[..., None], cells.astype(float), weights)
    share = weights / np.where(weights.sum(axis=2, keepdims=True) > 0,
                               weights.sum(axis=2, keepdims=True), 1.0)
    allocated = np.where(remainder > TOLERANCE, remainder, 0.0)
    values = published + share * allocated[..., None]

    method = np.full(remainder.shape, "", dtype=object)
    method[suppressed.any(axis=2) & (np.abs(remainder) <= TOLERANCE)] = "suppressed_zero"
    method[to_suppressed] = "suppressed"
    method[to_own] = "unknown_age"
    method[to_own & fallback] = "unknown_age_prefecture"
    method[remainder < -TOLERANCE] = "ages_exceed_total"
    method[no_total] = "no_total"
    table = _table(areas, method, totals, known, suppressed.sum(axis=2), allocated)
    return Allocation(values, table, tuple(_notes(table)))


def _table(areas: pd.DataFrame, method: np.ndarray, totals: np.ndarray, known: np.ndarray,
           n_suppressed: np.ndarray, allocated: np.ndarray) -> pd.DataFrame:
    hit = np.argwhere(method != "")
    a, s = hit[:, 0], hit[:, 1]
    return pd.DataFrame({
        "area_code": areas["area_code"].to_numpy()[a],
        "name": (areas["prefecture"] + areas["name"]).to_numpy()[a],
        "kind": areas["kind"].to_numpy()[a],
        "row": areas["row"].to_numpy()[a] + 1 + s,  # the 男 row follows 計, then 女
        "sex": np.array(["M", "F"])[s],
        "published_total": totals[a, s],
        "sum_of_ages": known[a, s],
        "suppressed_cells": n_suppressed[a, s],
        "allocated": allocated[a, s],
        "method": method[a, s],
    })


_MESSAGES = {
    "suppressed": "年齢内訳が非公表 (X・空欄) で総数との差を都道府県の年齢構成で非公表の階級に"
                  "按分",
    "suppressed_zero": "空欄・X の階級があるが総数と年齢別の合計が一致するので 0 人と解釈",
    "unknown_age": "総数が年齢別の合計より多い (年齢不詳など) ので差をその地域の年齢構成で按分",
    "unknown_age_prefecture": "総数が年齢別の合計より多いが年齢別が全て 0 なので差を都道府県の"
                              "年齢構成で按分",
    "ages_exceed_total": "年齢別の合計が総数より多いので年齢別をそのまま使用",
    "no_total": "総数が空欄・X なので年齢別の合計を総数とした",
}


def _notes(table: pd.DataFrame) -> list[str]:
    notes = []
    for method, message in _MESSAGES.items():
        rows = table[table["method"] == method]
        if rows.empty:
            continue
        persons = rows["allocated"].sum()
        sample = "、".join(
            f"{r.row}行目 {r.area_code} {r.name} {SEX_LABELS[r.sex == 'F']}"
            for r in rows.head(3).itertuples())
        amount = f"、計 {persons:,.0f} 人" if persons > 0 else ""
        notes.append(f"{message}: {len(rows)} 件{amount} (例: {sample})")
    return notes
