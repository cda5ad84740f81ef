"""Readers for national tables by sex x 5-year age: the census 1920-2020 and IPSS 2017.

Both come as ``year, sex (男性/女性), age (0~4歳 … 100歳以上), value``. They go into the long
layout with area_code ``00000`` (全国); the ages run to the open 100+ group, so fold them with
:func:`sousei.io.population.convert.frame_to_population` (which sums 90-94, 95-99 and 100+ into 90+).
"""

from __future__ import annotations

from typing import IO

import pandas as pd

from sousei.io.errors import InputError
from sousei.io.population.layout import NATIONAL_CODE, canonical, parse_age_label

_SEXES = {"男性": "M", "女性": "F", "男": "M", "女": "F"}


def read_national_sex_age(source: str | IO[bytes], name: str | None = None) -> pd.DataFrame:
    """Read ``census_national_1920_2020.csv`` or ``ipss2017_national_projection.csv``."""
    label = name or str(source)
    raw = pd.read_csv(source, dtype={"sex": str, "age": str}, encoding="utf-8-sig")
    missing = {"year", "sex", "age", "value"} - set(raw.columns)
    if missing:
        raise InputError(f"列 {', '.join(sorted(missing))} がありません", file=label, row=1)
    unknown = sorted(set(raw["sex"]) - set(_SEXES))
    if unknown:
        row = int(raw.index[raw["sex"] == unknown[0]][0]) + 2
        raise InputError(f"性別 {unknown[0]!r} を読めません", file=label, row=row, column="sex")
    ages = {a: parse_age_label(a) for a in raw["age"].unique()}
    frame = pd.DataFrame(
        {
            "area_code": NATIONAL_CODE,
            "nationality": "total",
            "sex": raw["sex"].map(_SEXES),
            "age_start": raw["age"].map(lambda a: ages[a][0]),
            "age_span": raw["age"].map(lambda a: ages[a][1]),
            "year": raw["year"],
            "value": raw["value"],
        }
    )
    return canonical(frame)
