"""Checks and the 年齢不詳 allocation for census tables read into rows of persons.

Kept apart from the e-Stat parsing so that each step says one thing: no cell twice, every 総数
row equals what it sums, and persons of unknown age are spread over the known ages in the
proportion of the known ages, per area, nationality, sex and year (the rule of
:func:`sousei.demography.rates.allocate_unknown_age`, which the shipped census uses).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from sousei.io.errors import InputError

GROUP = ["area_code", "nationality", "sex", "year"]
Fail = Callable[[str, int, str], InputError]  # (message, position, role) -> error


def check_duplicates(leaves: pd.DataFrame, fail: Fail) -> None:
    """``leaves`` has GROUP, ``age_key`` and ``position``: the same cell twice is an error."""
    twice = leaves.duplicated([*GROUP, "age_key"], keep="first")
    if twice.any():
        row = leaves[twice].iloc[0]
        message = (f"{row.area_code} {row.sex} {row.year}年 の年齢 {row.age_label} が"
                   "2度あります")
        raise fail(message, int(row.position), "age")


def check_totals(leaves: pd.DataFrame, totals: pd.DataFrame, fail: Fail) -> None:
    """Each 総数 row (sex or age 総数, ``T``) must equal the sum of the leaves it covers.

    ``leaves`` and ``totals`` carry GROUP, ``age_key`` (``T`` for 総数) and ``value``;
    totals also ``position``. A 総数 row with a 注記 symbol (NaN) is not checked.
    """
    totals = totals[totals["value"].notna()]
    if totals.empty:
        return
    keys = ["area_code", "nationality", "year"]
    parts = []
    for sex_total in (False, True):
        for age_total in (False, True):
            if not (sex_total or age_total):
                continue
            by = keys + ([] if sex_total else ["sex"]) + ([] if age_total else ["age_key"])
            wanted = totals[(totals["sex"] == "T") == sex_total]
            wanted = wanted[(wanted["age_key"] == "T") == age_total]
            if wanted.empty:
                continue
            sums = leaves.groupby(by, as_index=False)["value"].sum()
            merged = wanted.merge(sums, on=by, how="left", suffixes=("", "_sum"))
            parts.append(merged.fillna({"value_sum": 0.0}))
    if not parts:
        return
    merged = pd.concat(parts, ignore_index=True)
    off = (merged["value"] - merged["value_sum"]).abs() > 0.5
    if off.any():
        row = merged[off].sort_values("position").iloc[0]
        message = (f"総数 {row.value:,.0f} と内訳の合計 {row.value_sum:,.0f} が一致しません "
                   "(年齢不詳を含めた男・女、年齢別の合計)")
        raise fail(message, int(row.position), "value")


def allocate_unknown(known: pd.DataFrame, unknown: pd.DataFrame) -> pd.DataFrame:
    """``known`` (GROUP, age columns, value) with each group's 年齢不詳 (``unknown``: GROUP,
    value) spread in proportion to its known ages; a group without known persons keeps 0."""
    extra = unknown.groupby(GROUP, as_index=False)["value"].sum()
    merged = known.merge(extra, on=GROUP, how="left", suffixes=("", "_unknown"))
    group_sum = merged.groupby(GROUP)["value"].transform("sum").to_numpy()
    share = np.divide(merged["value"].to_numpy(), group_sum,
                      out=np.zeros(len(merged)), where=group_sum > 0)
    merged["value"] = merged["value"] + share * merged["value_unknown"].fillna(0.0).to_numpy()
    return merged.drop(columns="value_unknown")
