"""Plausible ranges of the values the engine accepts, shared by every reader, the web and the API.

A figure outside these is a typing or export error, not a fact about a municipality: Japan has
about 1.25e8 people, so no cell of a table (one area, sex and age, or one year's births or moves)
can hold 1e8 persons; a TFR of 0.5-3.0 covers every Japanese municipality observed; no series
or plan runs before 1900 or after 2200. The ranges are documented in docs/data-format.md, and
each check raises ValueError with a Japanese message, which the readers turn into an error
naming the file, row and column.
"""

from __future__ import annotations

import math

import numpy as np

MAX_PERSONS = 1e8  # one cell: an area x sex x age, or one year's births, deaths or moves
MAX_REGION_TOTAL = 2e8  # one area's total (the national total is about 1.25e8)
MAX_AGE = 130  # an age a table may name (the oldest recorded person reached 122)
YEARS = (1900, 2200)  # any year of data, projection or plan
LAST_TARGET_YEAR = 2100  # scenario target years: a 人口ビジョン looks at most to 2100
TFR_RANGE = (0.5, 3.0)  # a TFR target outside this has not been observed in Japan
TFR_CHANGE_RANGE = (-1.0, 3.0)  # a relative TFR change: the range target seeking searches
MAX_MIGRATION_CHANGE = 0.5  # |change of a 5-year net migration rate| (0.5 = 50 points)


def persons_problem(values: np.ndarray) -> tuple[int, str] | None:
    """The first bad count of persons in ``values`` (flat position, Japanese message), or None:
    NaN/infinite, negative, or above :data:`MAX_PERSONS`. Vectorised for whole tables."""
    flat = np.asarray(values, dtype=float).reshape(-1)
    for mask, message in (
        (~np.isfinite(flat), "人数が数値ではありません (NaN や無限大は使えません)"),
        (flat < 0, "人数が負の値です"),
        (flat > MAX_PERSONS, f"人数が上限 {MAX_PERSONS:.0e} 人を超えています"),
    ):
        bad = np.flatnonzero(mask)
        if bad.size:
            return int(bad[0]), message
    return None


def check_finite(value: float, what: str) -> float:
    """``value`` as a float, refused if NaN or infinite."""
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{what}に数値でない値 ({value}) は使えません")
    return value


def check_year(year: int, what: str, last: int = YEARS[1]) -> int:
    if not YEARS[0] <= year <= last:
        raise ValueError(f"{what} {year}年は {YEARS[0]}～{last}年の範囲にしてください")
    return year
