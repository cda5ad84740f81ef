"""The one long layout every population reader returns and every writer takes.

One row per (area, nationality, sex, age group, year): the shape of 住民基本台帳 and e-Stat
downloads, so a user's own extract and the shipped tables meet the engine through the same
door. ``age_span`` is 5 for the grid groups, 1 for single years and <NA> for an open-ended group
(90+, 100+).
"""

from __future__ import annotations

import re

import pandas as pd

COLUMNS: tuple[str, ...] = (
    "area_code",
    "nationality",
    "sex",
    "age_start",
    "age_span",
    "year",
    "value",
)

NATIONAL_CODE = "00000"

_AGE_RANGE = re.compile(r"^\s*(\d+)\s*[～~\-－]\s*(\d+)\s*歳?\s*(以上)?\s*$")
_AGE_OPEN = re.compile(r"^\s*(\d+)\s*(?:歳以上|\+)\s*$")


def parse_age_label(label: str) -> tuple[int, int | None]:
    """``0～4歳`` -> (0, 5), ``90歳以上`` / ``90+`` -> (90, None), ``85～89歳以上`` -> (85, 5).

    The ecitizen tables label 85-89 as ``85～89歳以上`` (sic); a closed range wins over the
    trailing 以上 because 90+ follows it in the same table.
    """
    text = str(label)
    match = _AGE_RANGE.match(text)
    if match:
        low, high = int(match.group(1)), int(match.group(2))
        return low, high - low + 1
    match = _AGE_OPEN.match(text)
    if match:
        return int(match.group(1)), None
    raise ValueError(f"年齢階級 {label!r} を読めません")


def canonical(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns in layout order with the layout's dtypes, sorted, with a fresh index."""
    out = pd.DataFrame(
        {
            "area_code": frame["area_code"].astype(str).to_numpy(dtype=object),
            "nationality": frame["nationality"].astype(str).to_numpy(dtype=object),
            "sex": frame["sex"].astype(str).to_numpy(dtype=object),
            "age_start": frame["age_start"].astype("int64").to_numpy(),
            "age_span": pd.array(frame["age_span"], dtype="Int64"),
            "year": frame["year"].astype("int64").to_numpy(),
            "value": frame["value"].astype("float64").to_numpy(),
        }
    )
    keys = ["area_code", "nationality", "year", "sex", "age_start"]
    return out.sort_values(keys, kind="stable").reset_index(drop=True)
