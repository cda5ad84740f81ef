"""Municipalities side by side on one indicator, as RESAS and RAIDA let analysts look.

Every indicator is computed for all the areas asked in one vectorised pass (one engine batch
for the projected change, array operations for the rest), so a whole prefecture, or the whole
country, costs one call. The areas are census-data codes (2015 boundaries).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STARTS, ELDERLY
from sousei.io.reference import shipped
from sousei.vision.inputs import base_tfr, census_history, municipality_names
from sousei.vision.ipss_reference import totals_by_area
from sousei.vision.net_migration import census_net_migration
from sousei.vision.run import ProjectionRequest, run_projection


@dataclass(frozen=True)
class Indicator:
    label: str  # the column heading a user reads
    kind: str  # "percent" (a fraction shown as %), "tfr", "persons"
    source: str
    compute: Callable[[tuple[str, ...]], np.ndarray]


def _change(values: np.ndarray, start: int, end: int, years: Sequence[int]) -> np.ndarray:
    years = list(years)
    first, last = values[..., years.index(start)], values[..., years.index(end)]
    return np.divide(last - first, first, out=np.full_like(first, np.nan), where=first > 0)


def _baseline_change(codes: tuple[str, ...]) -> np.ndarray:
    _, run = run_projection(ProjectionRequest(codes, 2015, 2050))
    totals = run.total.population[0].sum(axis=(2, 3))  # (year, region)
    return _change(totals.T, 2020, 2050, run.total.years)


def _ipss_change(edition: int, start: int, end: int) -> Callable[[tuple[str, ...]], np.ndarray]:
    def compute(codes: tuple[str, ...]) -> np.ndarray:
        totals = totals_by_area(codes, edition)
        return _change(totals.to_numpy(float), start, end, list(totals.columns))

    return compute


def _ageing_rate(codes: tuple[str, ...]) -> np.ndarray:
    values = census_history(codes).at(2015).values  # (region, sex, age)
    by_age = values.sum(axis=1)
    total = by_age.sum(axis=1)
    return np.divide(by_age[:, ELDERLY].sum(axis=1), total, out=np.full(len(codes), np.nan),
                     where=total > 0)


@cache
def _juki_totals(name: str) -> pd.Series:
    from sousei.io.population.juki_soumu import read_juki_ages

    table = read_juki_ages(shipped.juki_file(name))
    published = table.published_totals
    return published[published["sex"] == "T"].set_index("area_code")["value"]


def _foreign_share(codes: tuple[str, ...]) -> np.ndarray:
    from sousei.io.reference.mergers import code_mapping

    current = code_mapping(list(codes), since="2015-10-01")
    total, foreign = _juki_totals("2104ssnen.xlsx"), _juki_totals("2112gsnen.xlsx")
    keys = [current.get(code, code) for code in codes]
    t = total.reindex(keys).to_numpy(float)
    f = foreign.reindex(keys).fillna(0).to_numpy(float)
    return np.divide(f, t, out=np.full(len(codes), np.nan), where=t > 0)


def _tfr(codes: tuple[str, ...]) -> np.ndarray:
    return np.asarray(base_tfr(codes, 2015), dtype=float)


def _young_net_migration(codes: tuple[str, ...]) -> np.ndarray:
    """Net migration rate of cohorts aged 15-29 at the start of 2010->2015, both sexes."""
    result = census_net_migration(codes)
    period = result.periods.index(2010)
    young = [k for k, start in enumerate(AGE_STARTS[:-1]) if 15 <= start <= 25]
    persons = result.persons[period][..., young].sum(axis=(1, 2))
    exposed = result.exposed[period][..., young].sum(axis=(1, 2))
    return np.divide(persons, exposed, out=np.full(len(codes), np.nan), where=exposed > 0)


CENSUS = "総務省「国勢調査」"
INDICATORS: dict[str, Indicator] = {
    "change_baseline": Indicator("人口増減率 2020→2050年 (基準推計)", "percent",
                                 f"{CENSUS}から sousei で推計", _baseline_change),
    # IPSS 2018 ends in 2045; the shipped IPSS 2023 figures start in 2025 (no 2020 base row)
    "change_ipss2018": Indicator("人口増減率 2020→2045年 (社人研 平成30年推計)", "percent",
                                 "社人研「日本の地域別将来推計人口(平成30年推計)」",
                                 _ipss_change(2018, 2020, 2045)),
    "change_ipss2023": Indicator("人口増減率 2025→2050年 (社人研 令和5年推計)", "percent",
                                 "社人研「日本の地域別将来推計人口(令和5年推計)」",
                                 _ipss_change(2023, 2025, 2050)),
    "ageing_rate": Indicator("高齢化率 (2015年)", "percent", CENSUS, _ageing_rate),
    "foreign_share": Indicator("外国人住民の割合 (2021年1月1日)", "percent",
                               "総務省「住民基本台帳に基づく人口、人口動態及び世帯数」",
                               _foreign_share),
    "tfr": Indicator("合計特殊出生率", "tfr",
                     "厚生労働省「人口動態保健所・市区町村別統計」(2008～2012年)ほか", _tfr),
    "net_migration_young": Indicator("純移動率 15～29歳→20～34歳 (2010→2015年)", "percent",
                                     f"{CENSUS}と生命表から算出", _young_net_migration),
}


def compare(codes: Sequence[str], indicator: str,
            indicators: Mapping[str, Indicator] = INDICATORS) -> pd.DataFrame:
    """One row per area: 地域コード, 地域名, the indicator's value and its rank (1 = highest).

    Sorted by value, highest first; areas without a figure (IPSS did not project Fukushima's
    evacuated towns) come last with no rank. ``indicators`` lets a caller add its own (the
    web adds the published KPI grades, which live in its database).
    """
    if indicator not in indicators:
        raise ValueError(f"指標 {indicator!r} はありません ({' / '.join(indicators)})")
    codes = tuple(codes)
    values = indicators[indicator].compute(codes)
    frame = pd.DataFrame({"地域コード": codes, "地域名": municipality_names(codes),
                          "値": values})
    frame["順位"] = frame["値"].rank(ascending=False, method="min").astype("Int64")
    return frame.sort_values(["値", "地域コード"], ascending=[False, True],
                             na_position="last", ignore_index=True)
