"""The IPSS projections drawn beside the scenarios: 2018 (平成30年推計) and 2023 (令和5年推計).

A 人口ビジョン written now compares its scenarios with both: 2018 because the first plans were
built on it, 2023 because it is the latest. Both are shown as totals and the three age groups
per 5-year point. A group of areas gets the sum only when IPSS has a figure for every one of
them (a partial sum would look like a forecast for the whole and mislead).

Every page view asks for the same areas, so the lookups are cached per tuple of codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from sousei.io.reference import shipped
from sousei.io.reference.mergers import code_mapping

GROUPS = ("total", "child", "working", "elderly")
LABELS = {2018: "社人研推計(平成30年推計)", 2023: "社人研推計(令和5年推計)"}
SOURCES = {
    2018: "国立社会保障・人口問題研究所「日本の地域別将来推計人口(平成30(2018)年推計)」",
    2023: "国立社会保障・人口問題研究所「日本の地域別将来推計人口(令和5(2023)年推計)」",
}


@dataclass(frozen=True)
class IpssFigures:
    """One IPSS edition for the areas asked: values (year, group) summed over the areas, groups
    in the order of :data:`GROUPS`."""

    edition: int
    years: tuple[int, ...]
    values: np.ndarray

    @property
    def label(self) -> str:
        return LABELS[self.edition]

    def column(self, group: str) -> dict[int, float]:
        k = GROUPS.index(group)
        return {year: float(self.values[i, k]) for i, year in enumerate(self.years)}


_PARSED: dict[int, pd.DataFrame] = {}  # edition -> its whole table, once parsed


def _table(edition: int) -> pd.DataFrame:
    if edition not in _PARSED:
        table = shipped.ipss2018_groups() if edition == 2018 else shipped.ipss2023()
        _PARSED[edition] = table.set_index(["area_code", "year"]).sort_index()
    return _PARSED[edition]


def _edition_codes(regions: Sequence[str], edition: int) -> list[str]:
    """Census-data codes (2015) -> the codes of the edition: IPSS 2018 keeps 2015's (40305
    那珂川町), IPSS 2023 uses 2020's (40231 那珂川市)."""
    if edition == 2018:
        return list(regions)
    return list(code_mapping(list(regions), since="2015-10-01").values())


FEW_REGIONS = 64  # fewer IPSS 2018 areas than this are read from their own lines


def _table_for(codes: list[str], edition: int) -> pd.DataFrame:
    """The edition's table, or only the rows of ``codes`` when they are few and the whole
    2018 table (4 MB of text) is not parsed yet in this process (one town's CLI run)."""
    if edition == 2018 and len(codes) < FEW_REGIONS and 2018 not in _PARSED:
        return shipped.ipss2018_groups_of(codes).set_index(["area_code", "year"]).sort_index()
    return _table(edition)


@lru_cache(maxsize=1024)
def _figures(regions: tuple[str, ...], edition: int) -> IpssFigures | None:
    codes = _edition_codes(regions, edition)
    table = _table_for(codes, edition)
    known = set(table.index.get_level_values("area_code"))
    if not codes or any(code not in known for code in codes):
        return None
    rows = table.loc[codes, list(GROUPS)].groupby(level="year").sum()
    values = rows.to_numpy(float)
    values.setflags(write=False)
    return IpssFigures(edition, tuple(int(y) for y in rows.index), values)


def ipss2018_figures(regions: Sequence[str]) -> IpssFigures | None:
    """IPSS 2018 totals and groups 2015-2045 for census-data codes ``regions`` (summed), or
    None when IPSS 2018 lacks one of them (it did not project Fukushima's municipalities)."""
    return _figures(tuple(regions), 2018)


def ipss2023_figures(regions: Sequence[str]) -> IpssFigures | None:
    """IPSS 2023 totals and groups 2025-2050 for census-data codes ``regions`` (summed), or
    None when IPSS 2023 lacks one of them (浜通り's 13 municipalities have only an aggregate)."""
    return _figures(tuple(regions), 2023)


def ipss_figures(regions: Sequence[str]) -> list[IpssFigures]:
    """Both editions where they cover every region, the older first."""
    found = (ipss2018_figures(regions), ipss2023_figures(regions))
    return [figures for figures in found if figures is not None]


def totals_by_area(regions: Sequence[str], edition: int) -> pd.DataFrame:
    """Total population of each of ``regions`` (census-data codes) per year of the edition:
    rows in the order given, columns the years; NaN where the edition has no such area."""
    totals = _table(edition)["total"].unstack("year")
    return totals.reindex(_edition_codes(regions, edition)).set_axis(list(regions), axis=0)
