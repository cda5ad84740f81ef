"""Natural and social change 2012-2020 and Japanese/foreign totals 2013-2021 of any municipality,
from the shipped 総務省 住基 人口・世帯数・人口動態 tables (no upload needed).

The 総計 tables (``YY03ssjin``) give each year's 出生, 死亡, 転入 and 転出 (the 2013 file covers
fiscal 2012, later ones the calendar year before their 1 January date) and the population at the
date; the 外国人住民 tables (``YY11gsjin``) the foreign residents at the same dates, so the
Japanese are the 総計 less them. 社会増減 here is 転入 - 転出 as in every 人口ビジョン table
(the published column also counts その他記載・消除). Areas are summed by today's code, so a
town merged since (岩舟町 into 栃木市, 2014) is inside its city in every year.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
import pandas as pd

from sousei.demography.indicators import VitalYear
from sousei.io.flows.juki_dynamics import read_juki_dynamics
from sousei.io.reference import shipped
from sousei.io.reference.mergers import code_mapping

YEARS = range(2013, 2022)  # the files' reference years
SOURCE = "総務省「住民基本台帳に基づく人口、人口動態及び世帯数」"
VITAL_SOURCE = f"{SOURCE}(2012年度、2013～2020年。社会増減は転入－転出)"
TOTALS_SOURCE = f"{SOURCE}(2013年3月31日、2014～2021年1月1日現在)"
FIELDS = ["population", "births", "deaths", "in_moves", "out_moves"]


@dataclass(frozen=True)
class ResidentTotal:
    """Residents at a reference date: Japanese and foreign (persons)."""

    date: str  # ISO date of the table
    japanese: int
    foreign: int

    @property
    def total(self) -> int:
        return self.japanese + self.foreign

    @property
    def foreign_share(self) -> float:
        return self.foreign / self.total if self.total else 0.0


def _name(year: int, table: str) -> str:
    prefix = f"{year % 100:02d}{table}."
    return next(n for n in shipped.juki_names() if n.startswith(prefix))


@cache
def _table(name: str) -> pd.DataFrame:
    """One table summed by today's codes: area_code, year, reference_date and FIELDS."""
    frame = read_juki_dynamics(shipped.juki_file(name)).frame
    frame = frame[frame["kind"].isin(["municipality", "designated_city"])]
    date = str(frame["reference_date"].iloc[0])
    mapping = code_mapping(list(frame["area_code"]), since=date)
    frame = frame.assign(area_code=frame["area_code"].map(mapping))
    summed = frame.groupby("area_code")[FIELDS].sum(min_count=1)
    summed["year"] = int(frame["year"].iloc[0])
    summed["reference_date"] = date
    return summed


def _rows(codes: Sequence[str], table: str) -> list[pd.Series]:
    """Per file, the sum over ``codes`` (None where the file lacks one of them)."""
    out = []
    for year in YEARS:
        frame = _table(_name(year, table))
        if not set(codes) <= set(frame.index):
            out.append(None)
            continue
        row = frame.loc[list(codes), FIELDS].sum(min_count=1).astype(object)
        row["year"], row["reference_date"] = frame["year"].iloc[0], frame["reference_date"].iloc[0]
        out.append(row)
    return out


def juki_vital_years(codes: Sequence[str]) -> tuple[VitalYear, ...]:
    """出生・死亡・転入・転出 per year (FY2012, 2013-2020) of ``codes`` together.

    Cached per set of codes: the shipped tables never change while the process runs, and
    the 現状分析 page asks on every view (40 ms a time, mostly pandas indexing)."""
    return _vital_years(tuple(codes))


@lru_cache(maxsize=512)
def _vital_years(codes: tuple[str, ...]) -> tuple[VitalYear, ...]:
    years = []
    for row in _rows(codes, "03ssjin"):
        if row is None or row[["births", "deaths", "in_moves", "out_moves"]].isna().any():
            continue
        years.append(VitalYear(int(row["year"]), int(row["births"]), int(row["deaths"]),
                               int(row["in_moves"]), int(row["out_moves"])))
    return tuple(years)


def juki_resident_totals(codes: Sequence[str]) -> tuple[ResidentTotal, ...]:
    """Japanese and foreign residents at each date 2013-2021 of ``codes`` together (cached
    per set of codes like ``juki_vital_years``; the result is immutable)."""
    return _resident_totals(tuple(codes))


@lru_cache(maxsize=512)
def _resident_totals(codes: tuple[str, ...]) -> tuple[ResidentTotal, ...]:
    totals = []
    for whole, foreign in zip(_rows(codes, "03ssjin"), _rows(codes, "11gsjin"), strict=True):
        if whole is None or foreign is None or np.isnan(whole["population"]):
            continue
        others = 0 if np.isnan(foreign["population"]) else int(foreign["population"])
        totals.append(ResidentTotal(str(whole["reference_date"]),
                                    int(whole["population"]) - others, others))
    return tuple(totals)
