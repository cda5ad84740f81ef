"""Foreign residents by nationality and residence status (在留外国人) from a CSV or xlsx upload.

法務省「在留外国人統計」 publishes, per municipality, one table by 国籍・地域 and one by 在留資格;
a municipality's register gives the cross of both. Either fits: one row per year x area x
nationality x residence status, where 総数 in the nationality column means "all nationalities"
(a row of the table by status) and 総数 in the status column "all statuses" (a row of the table
by nationality). Totals must reconcile: a 総数 row equals the sum of the rows it covers, so the
analysis (``sousei.vision.foreign``) never shows two different totals. See docs/data-format.md.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from sousei.io.errors import InputError, Where
from sousei.io.upload_table import area_codes, check_unique, read_text_table, whole_numbers, years

COLUMNS = ("year", "area_code", "nationality", "residence_status", "persons")
ALIASES = {"年": "year", "地域コード": "area_code", "団体コード": "area_code",
           "国籍": "nationality", "国籍・地域": "nationality", "在留資格": "residence_status",
           "人数": "persons", "人員": "persons", "在留外国人数": "persons", "人口": "persons"}
TOTAL = "総数"
TOTAL_WORDS = {"総数", "合計", "計", "total"}
KEYS = ["year", "area_code", "nationality", "residence_status"]


def _labels(text: pd.Series, column: str, where: Where, what: str) -> pd.Series:
    """NFKC (full-width digits and letters as users type them), 合計/計 as 総数."""
    labels = text.map(lambda s: unicodedata.normalize("NFKC", s).strip())
    labels = labels.where(~labels.isin(TOTAL_WORDS), TOTAL)
    if (labels == "").any():
        position = int(np.flatnonzero((labels == "").to_numpy())[0])
        raise where.error(f"{what}が空欄です (すべてを合わせた行は 総数 と書きます)", position,
                          column)
    return labels


def read_foreign_residents(data: bytes, file: str,
                           areas: frozenset[str] | None = None) -> pd.DataFrame:
    """The validated table: year, area_code, nationality, residence_status, persons."""
    raw, where = read_text_table(data, file, ALIASES, COLUMNS)
    frame = pd.DataFrame({
        "year": years(raw["year"], where),
        "area_code": area_codes(raw["area_code"], "area_code", where, areas),
        "nationality": _labels(raw["nationality"], "nationality", where, "国籍・地域"),
        "residence_status": _labels(raw["residence_status"], "residence_status", where,
                                    "在留資格"),
        "persons": whole_numbers(raw["persons"], "persons", where, "人数"),
    })
    check_unique(frame, KEYS, where, "nationality")
    nationality = _margins(frame, "nationality", "residence_status", where)
    status = _margins(frame, "residence_status", "nationality", where)
    _check_total(frame, nationality, where, "国籍・地域")
    _check_total(frame, status, where, "在留資格")
    return frame


def read_foreign_residents_file(path: str | Path) -> pd.DataFrame:
    """:func:`read_foreign_residents` on a file (CSV or xlsx by its content)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("ファイルが見つかりません", path.name)
    return read_foreign_residents(path.read_bytes(), path.name)


def _position(frame: pd.DataFrame, columns: list[str], key: tuple) -> int:
    return int(np.flatnonzero(frame[columns].eq(list(key)).all(axis=1).to_numpy())[0])


def _margins(frame: pd.DataFrame, dimension: str, other: str, where: Where) -> pd.Series:
    """Persons per (year, area, value of ``dimension``) over every value of ``other``: the
    総数 row where given (checked against the cross rows), else the sum of the cross rows."""
    keys = ["year", "area_code", dimension]
    named = frame[frame[dimension] != TOTAL]
    given = named[named[other] == TOTAL].set_index(keys)["persons"]
    summed = named[named[other] != TOTAL].groupby(keys)["persons"].sum()
    both = given.index.intersection(summed.index)
    wrong = both[given[both].to_numpy() != summed[both].to_numpy()]
    if len(wrong):
        key = wrong[0]
        position = _position(frame, [*keys, other], (*key, TOTAL))
        raise where.error(
            f"{key[2]} の総数 ({given[key]:,}) が内訳の合計 ({summed[key]:,}) と一致しません",
            position, "persons")
    return pd.concat([given, summed[~summed.index.isin(given.index)]]).sort_index()


def _check_total(frame: pd.DataFrame, margins: pd.Series, where: Where, what: str) -> None:
    """A 総数 x 総数 row must equal the sum over nationalities (or statuses) when both exist."""
    if margins.empty:
        return
    sums = margins.groupby(level=["year", "area_code"]).sum()
    totals = frame[(frame["nationality"] == TOTAL) & (frame["residence_status"] == TOTAL)]
    for position, row in zip(totals.index, totals.itertuples(index=False), strict=True):
        key = (row.year, row.area_code)
        if key in sums.index and sums[key] != row.persons:
            raise where.error(
                f"総数 ({row.persons:,}) が{what}別の合計 ({int(sums[key]):,}) と一致しません",
                int(position), "persons")
