"""Between the long layout (files, tables) and the engine's :class:`Population` arrays.

Finer groups (single years, 90-94/95-99/100+) are summed into the 5-year grid with
:func:`sousei.demography.ages.aggregate_single_years`; coverage is checked first so an
area missing 85-89 is refused by name instead of projected with a hole.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STARTS, AGE_STEP, N_AGES, OPEN_AGE, SEXES
from sousei.demography.population import NATIONALITIES, Population
from sousei.io.errors import InputError
from sousei.io.population.layout import canonical
from sousei.io.population.validate import check_coverage
from sousei.io.reference.codes import AreaCodeError, area_name


def _name(code: str) -> str:
    try:
        return area_name(code)
    except AreaCodeError:
        return code


def frame_to_population(frame: pd.DataFrame, year: int, nationality: str = "total") -> Population:
    """The rows of ``year`` and ``nationality`` as a Population (regions sorted by code,
    names from the code master). Every region needs both sexes and ages 0 to 90+."""
    if nationality not in NATIONALITIES:
        raise InputError(f"国籍区分 {nationality!r} は {', '.join(NATIONALITIES)} のいずれかです")
    rows = frame[(frame["year"] == year) & (frame["nationality"] == nationality)]
    if rows.empty:
        years = ", ".join(str(y) for y in sorted(frame["year"].unique()))
        raise InputError(f"{year}年 ({nationality}) のデータがありません (ある年: {years})")
    rows = canonical(rows)
    check_coverage(rows)
    regions = sorted(rows["area_code"].unique())
    sexes = rows.groupby("area_code")["sex"].agg(lambda s: frozenset(s))
    incomplete = [code for code in regions if sexes[code] != frozenset(SEXES)]
    if incomplete:
        raise InputError(f"地域 {', '.join(incomplete[:5])} に男女の一方がありません")
    ages = np.array(sorted(rows["age_start"].unique()))
    wide = (
        rows.pivot_table(
            index=["area_code", "sex"], columns="age_start", values="value", aggfunc="sum"
        )
        .reindex(index=pd.MultiIndex.from_product([regions, list(SEXES)]), columns=ages)
        .fillna(0.0)
    )
    values = wide.to_numpy().reshape(len(regions), len(SEXES), len(ages))
    try:
        grid = _aggregate(values, ages)
    except ValueError as error:
        raise InputError(str(error)) from error
    names = tuple(_name(code) for code in regions)
    return Population(grid, tuple(regions), int(year), nationality, names)


def _aggregate(values: np.ndarray, ages: np.ndarray) -> np.ndarray:
    if len(ages) == N_AGES and tuple(ages) == AGE_STARTS:
        return values  # already on the grid
    from sousei.demography.ages import aggregate_single_years

    return aggregate_single_years(values, ages, axis=-1)


def population_to_frame(population: Population) -> pd.DataFrame:
    """A Population in the long layout (5-year groups, 90+ open)."""
    n_regions = len(population.regions)
    spans = [AGE_STEP if a < OPEN_AGE else pd.NA for a in AGE_STARTS]
    frame = pd.DataFrame(
        {
            "area_code": np.repeat(population.regions, len(SEXES) * N_AGES),
            "nationality": population.nationality,
            "sex": np.tile(np.repeat(SEXES, N_AGES), n_regions),
            "age_start": np.tile(AGE_STARTS, n_regions * len(SEXES)),
            "age_span": pd.array(spans * (n_regions * len(SEXES)), dtype="Int64"),
            "year": population.year,
            "value": population.values.reshape(-1),
        }
    )
    return canonical(frame)
