"""Foreign residents' history from the shipped 総務省 住基 外国人住民 tables, and their inputs.

The tables (``YY12gsnen``) give foreign residents by sex and 5-year age on 1 January of every
year from 2014 (2013's table is dated 31 March, nine months earlier: it is not paired with
2014's, so it is not used). The cohort change assumptions of a base year B pool the **yearly
transitions of the five years up to B** (B-5 -> B-4, ..., B-1 -> B), fewer when the tables start
later (a base of 2016 has 2014 -> 2015 and 2015 -> 2016). Only tables dated B or earlier are
read, so a hindcast from 2016 knows nothing of 2017 on.

Ages: 2014 ends in an open group 80歳以上, later tables in 100歳以上. The 80+ of 2014 cannot be
split into 80-84, 85-89 and 90+, so those cells are NaN and left out of the sums of the groups
they feed (the method's rule); 100+ is summed into 90+. Suppressed cells (``X``) were allocated
by the reader (prefecture's age structure), every allocation listed there. Codes are today's
(the 2016 富谷町 -> 富谷市 and 2018 那珂川町 -> 那珂川市 changes are followed).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import pandas as pd

from sousei.demography.ages import N_AGES, OPEN, SEXES
from sousei.demography.cohort_change import CohortChange, estimate_cohort_change
from sousei.demography.population import Population
from sousei.demography.runner import ForeignInputs
from sousei.io.errors import InputError
from sousei.io.population.juki_soumu import municipal_codes, read_juki_ages
from sousei.io.reference import shipped
from sousei.io.reference.codes import AreaCodeError, area_name
from sousei.io.reference.mergers import code_mapping

FIRST_YEAR = 2014  # the first 1 January table
LAST_YEAR = 2021
POOLED_YEARS = 5


def table_name(year: int) -> str:
    """The published name of the 外国人住民 age table dated 1 January ``year``."""
    prefix = f"{year % 100:02d}12gsnen."
    names = [name for name in shipped.juki_names() if name.startswith(prefix)]
    if not names:
        raise InputError(f"{year}年1月1日の外国人住民の年齢別人口表は収録されていません "
                         f"({FIRST_YEAR}～{LAST_YEAR}年)")
    return names[0]


def _grid(frame: pd.DataFrame, codes: list[str]) -> np.ndarray:
    """(region, sex, age) on the projection grid; NaN for 80-84 .. 90+ when the table stops
    at 80歳以上."""
    wide = frame.pivot_table(index=["area_code", "sex"], columns="age_start", values="value",
                             aggfunc="sum")
    wide = wide.reindex(index=pd.MultiIndex.from_product([codes, list(SEXES)]))
    starts = np.asarray(wide.columns)
    values = wide.to_numpy(float).reshape(len(codes), len(SEXES), len(starts))
    grid = np.zeros((len(codes), len(SEXES), N_AGES))
    index = np.minimum(starts // 5, OPEN)
    np.add.at(grid, (slice(None), slice(None), index), values)
    if starts.max() < 90:
        grid[..., starts.max() // 5:] = np.nan
    return grid


@cache
def foreign_table(year: int) -> tuple[tuple[str, ...], tuple[str, ...], np.ndarray]:
    """(today's codes, names, values (region, sex, age)) of every municipality (designated
    cities whole) on 1 January ``year``; read once per process, the array read-only."""
    table = read_juki_ages(shipped.juki_file(table_name(year)))
    codes = municipal_codes(table.areas)
    frame = table.frame[table.frame["area_code"].isin(codes)]
    mapping = code_mapping(codes, since=f"{year}-01-01")
    current = sorted(set(mapping.values()))
    merged = np.zeros((len(current), len(SEXES), N_AGES))  # 岩舟町 joined 栃木市 in April 2014
    np.add.at(merged, pd.Index(current).get_indexer([mapping[c] for c in codes]),
              _grid(frame, codes))
    merged.setflags(write=False)
    printed = dict(zip(table.areas["area_code"], table.areas["name"], strict=True))
    return tuple(current), tuple(_name(code, printed) for code in current), merged


def _name(code: str, printed: dict[str, str]) -> str:
    """Today's name from the code master, else as the table prints it (北方領土's villages)."""
    try:
        return area_name(code)
    except AreaCodeError:
        return printed.get(code, code)


def _select(year: int, regions: Sequence[str]) -> np.ndarray:
    codes, _, values = foreign_table(year)
    index = pd.Index(codes).get_indexer(list(regions))
    if (index < 0).any():
        missing = [r for r, i in zip(regions, index, strict=True) if i < 0]
        raise InputError(f"{year}年の外国人住民の表に地域 {', '.join(missing[:5])} がありません")
    return values[index]


def history_years(base_year: int) -> list[int]:
    """The tables a base year pools: B-5 .. B, from 2014 on."""
    if not FIRST_YEAR < base_year <= LAST_YEAR:
        raise InputError(f"外国人住民の基準年は{FIRST_YEAR + 1}～{LAST_YEAR}年です (値: {base_year})")
    return list(range(max(FIRST_YEAR, base_year - POOLED_YEARS), base_year + 1))


def foreign_change(regions: Sequence[str], base_year: int) -> CohortChange:
    """Yearly cohort change of ``regions`` (today's codes) pooled over the years up to B."""
    history = [_select(year, regions) for year in history_years(base_year)]
    return estimate_cohort_change(history, span=1)


def foreign_inputs(regions: Sequence[str], base_year: int,
                   share: tuple[int, float] | None = None) -> ForeignInputs:
    """Base foreign residents on 1 January ``base_year`` and their assumptions."""
    codes, names, _ = foreign_table(base_year)
    by_code = dict(zip(codes, names, strict=True))
    base = Population(np.array(_select(base_year, regions)), tuple(regions), base_year,
                      "foreign", names=tuple(by_code[r] for r in regions))
    return ForeignInputs(base, foreign_change(regions, base_year), share)
