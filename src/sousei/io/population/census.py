"""Reader for the census tables 1980-2015 by municipality or prefecture x sex x 5-year age.

The source (ecitizen) is long by age and wide by year, with a ``T`` total sex and the groups
``total`` and ``unknown`` (年齢不詳). Only M and F by age group go into the long layout: the
total rows are redundant (and off by one in 34 re-aggregated cells). 年齢不詳 is returned apart,
in :attr:`CensusTables.age_unknown`, because IPSS allocates it before projecting and the engine
must decide how; dropping it silently would lose up to 3% of a city (久留米市 2015: 7,765).
"""

from __future__ import annotations

from typing import IO, NamedTuple

import pandas as pd

from sousei.io.errors import InputError
from sousei.io.population.layout import canonical, parse_age_label

_SEXES = {"M": "M", "F": "F"}


class CensusTables(NamedTuple):
    """``population``: the long layout (M/F by age group); ``age_unknown``: 年齢不詳 persons
    with columns area_code, nationality, sex, year, value (one row per area, sex and year)."""

    population: pd.DataFrame
    age_unknown: pd.DataFrame


def read_census(source: str | IO[bytes], name: str | None = None) -> CensusTables:
    """Read ``census_*_1980_2015.csv`` (municipal or prefectural, same layout)."""
    label = name or str(source)
    raw = pd.read_csv(source, dtype={"code": str, "pref_code": str})
    needed = {"code", "sex", "age_group"}
    missing = needed - set(raw.columns)
    if missing:
        raise InputError(f"列 {', '.join(sorted(missing))} がありません", file=label, row=1)
    year_columns = [c for c in raw.columns if c.startswith("y") and c[1:].isdigit()]
    raw = raw[raw["sex"].isin(list(_SEXES))]
    # String work on the wide table (one row per area, sex and age) before melting, and label
    # lookups through dicts: the national table melts to half a million rows.
    labels = [a for a in raw["age_group"].unique() if a not in ("unknown", "total")]
    ages = {label: parse_age_label(label) for label in labels}
    raw = raw.assign(
        area_code=raw["code"].str.zfill(5),
        age_start=raw["age_group"].map({k: v[0] for k, v in ages.items()}),
        age_span=raw["age_group"].map({k: v[1] for k, v in ages.items()}),
    )
    long = raw.melt(
        id_vars=["area_code", "sex", "age_group", "age_start", "age_span"],
        value_vars=year_columns,
        var_name="year",
        value_name="value",
    )
    long["year"] = long["year"].map({c: int(c[1:]) for c in year_columns})
    long["nationality"] = "total"
    unknown_rows = long["age_group"] == "unknown"
    age_unknown = (
        long.loc[unknown_rows, ["area_code", "nationality", "sex", "year", "value"]]
        .astype({"value": float})
        .sort_values(["area_code", "year", "sex"])
        .reset_index(drop=True)
    )
    grouped = long[~unknown_rows & (long["age_group"] != "total")]
    return CensusTables(canonical(grouped), age_unknown)
