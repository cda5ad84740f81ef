"""Bulk conversion of long-layout tables already on the 5-year grid into engine arrays."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STARTS, N_AGES, SEXES


def grid_array(
    frame: pd.DataFrame, regions: Sequence[str] | None = None
) -> tuple[tuple[int, ...], tuple[str, ...], np.ndarray]:
    """(years, regions, values (year, region, sex, age)) from a long frame on the 5-year grid.

    One scatter for every year and region, not a loop: the national census table holds 1.7
    million rows. Regions absent from ``frame`` are refused by name.
    """
    frame = frame[frame["age_start"].isin(AGE_STARTS)]
    years = tuple(sorted(int(y) for y in frame["year"].unique()))
    wanted = tuple(regions) if regions is not None else tuple(sorted(frame["area_code"].unique()))
    known = set(frame["area_code"].unique())
    missing = [code for code in wanted if code not in known]
    if missing:
        raise KeyError(f"人口データに地域コード {', '.join(missing[:10])} がありません")
    frame = frame[frame["area_code"].isin(wanted)]
    region_index = pd.Index(wanted).get_indexer(frame["area_code"])
    year_index = pd.Index(years).get_indexer(frame["year"])
    sex_index = pd.Index(SEXES).get_indexer(frame["sex"])
    age_index = frame["age_start"].to_numpy() // 5
    values = np.zeros((len(years), len(wanted), len(SEXES), N_AGES))
    np.add.at(values, (year_index, region_index, sex_index, age_index), frame["value"].to_numpy())
    return years, wanted, values


def unknown_array(frame: pd.DataFrame, years: Sequence[int], regions: Sequence[str]) -> np.ndarray:
    """年齢不詳 by (year, region, sex) from a frame with area_code, sex, year, value."""
    frame = frame[frame["area_code"].isin(regions) & frame["year"].isin(years)]
    out = np.zeros((len(years), len(regions), len(SEXES)))
    np.add.at(
        out,
        (
            pd.Index(years).get_indexer(frame["year"]),
            pd.Index(regions).get_indexer(frame["area_code"]),
            pd.Index(SEXES).get_indexer(frame["sex"]),
        ),
        frame["value"].to_numpy(),
    )
    return out
