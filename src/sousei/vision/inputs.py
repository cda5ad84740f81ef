"""The data behind a projection: census history, IPSS path, base TFR, names.

Everything is read from the tables shipped in the package, so `sousei project` works on a
machine with nothing but the installed package.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STEP, SEXES
from sousei.demography.population import Population
from sousei.demography.rates import allocate_unknown_age, sex_ratio_0_4
from sousei.io.reference import shipped
from sousei.io.reference.codes import area_name
from sousei.io.reference.mergers import code_mapping
from sousei.vision.arrays import grid_array, unknown_array


@dataclass(frozen=True)
class CensusHistory:
    """Census populations (year, region, sex, age) with 年齢不詳 allocated proportionally, and
    the observed totals (year, region) including 年齢不詳."""

    years: tuple[int, ...]
    regions: tuple[str, ...]
    names: tuple[str, ...]
    population: np.ndarray
    observed_total: np.ndarray

    def at(self, year: int) -> Population:
        return Population(
            self.population[self.years.index(year)], self.regions, year, names=self.names
        )

    def by_year(self) -> dict[int, np.ndarray]:
        return {year: self.population[i] for i, year in enumerate(self.years)}


def municipality_names(regions: Sequence[str]) -> tuple[str, ...]:
    """Today's names of the 2015 codes (那珂川町 40305 is shown as 那珂川市)."""
    mapping = code_mapping(list(regions), since="2015-10-01")
    return tuple(area_name(mapping[code]) for code in regions)


@cache
def _census_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    tables = shipped.census_municipal()
    return tables.population, tables.age_unknown


@cache
def census_regions() -> tuple[str, ...]:
    """Every municipality of the shipped census (1,741, boundaries of 2015)."""
    return shipped.census_municipal_codes()


FEW_REGIONS = 64  # fewer than this are read from their own lines, not the parsed national table


def census_history(regions: Sequence[str] | None = None) -> CensusHistory:
    """Census 1980-2015 for ``regions`` (all municipalities when None).

    A few regions are parsed from their own lines of the shipped file unless the whole table
    is already parsed in this process (a CLI run for one city need not parse 1,741).
    Cached per set of regions (the web pages ask on every view; 35 ms a time for a handful
    of towns): the caller gets its own copy of the arrays, so changing them cannot alter
    what the next caller reads."""
    cached = _census_history(tuple(regions) if regions is not None else None)
    return replace(cached, population=cached.population.copy(),
                   observed_total=cached.observed_total.copy())


@lru_cache(maxsize=256)
def _census_history(regions: tuple[str, ...] | None) -> CensusHistory:
    parsed = _census_tables.cache_info().currsize > 0
    if regions is not None and len(regions) < FEW_REGIONS and not parsed:
        population, unknown = shipped.census_municipal_of(regions)
    else:
        population, unknown = _census_tables()
    years, codes, values = grid_array(population, regions)
    unknown_values = unknown_array(unknown, years, codes)
    return CensusHistory(
        years=years,
        regions=codes,
        names=municipality_names(codes),
        population=allocate_unknown_age(values, unknown_values),
        observed_total=values.sum(axis=(-2, -1)) + unknown_values.sum(axis=-1),
    )


def ipss_path(regions: Sequence[str]) -> tuple[tuple[int, ...], np.ndarray]:
    """The IPSS 2018 projection 2015-2045 as (years, values (year, region, sex, age))."""
    years, _, values = grid_array(shipped.ipss2018(), regions)
    return years, values


def base_tfr(regions: Sequence[str], year: int) -> np.ndarray:
    """The TFR behind each region's base child-woman ratio.

    The municipal TFR 2008-2012 (MHLW's Bayesian estimate) where published; otherwise the
    prefecture's TFR of the latest year up to ``year``; otherwise the nation's. Cached per
    regions and year (the web page asks on every scenario change); the array is read-only.
    """
    return _base_tfr(tuple(regions), year)


@lru_cache(maxsize=256)
def _base_tfr(regions: tuple[str, ...], year: int) -> np.ndarray:
    municipal = shipped.tfr_municipal().dropna(subset=["tfr"])
    by_code = dict(zip(municipal["area_code"], municipal["tfr"], strict=False))
    prefecture = shipped.tfr_prefecture().dropna(subset=["tfr"])
    prefecture = prefecture[prefecture["year"] <= year].sort_values("year")
    latest = prefecture.groupby("pref_code")["tfr"].last().to_dict()
    national = latest.get("00", 1.4)
    values = np.array(
        [by_code.get(code, latest.get(code[:2], national)) for code in regions], dtype=float
    )
    values.setflags(write=False)
    return values


@cache
def national_sex_ratio_0_4(year: int) -> float:
    """Boys per 100 girls aged 0-4 in the national census of ``year``.

    IPSS applies the national ratio to every municipality: a small town's own ratio is mostly
    noise, and a ratio pooled over the areas of one request would make an area's projection
    depend on which other areas were asked for with it (a town alone, in its prefecture's batch
    or in a partnership would each get other figures).
    """
    national = shipped.census_national()
    rows = national[(national["year"] == year) & (national["age_start"] == 0)
                    & (national["age_span"] == AGE_STEP)]
    if rows.empty:
        raise KeyError(f"{year}年の全国の国勢調査人口がありません")
    by_sex = rows.groupby("sex")["value"].sum()
    values = np.zeros((len(SEXES), 1))
    for i, sex in enumerate(SEXES):
        values[i, 0] = by_sex.get(sex, 0.0)
    return float(sex_ratio_0_4(values))
