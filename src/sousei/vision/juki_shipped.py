"""A base population from the shipped 総務省 住基 tables: 日本人住民 and 外国人住民 on 1 January.

A municipality writing its 人口ビジョン now starts from the latest 住民基本台帳 figures rather
than the 2015 census; sousei ships the Ministry's national tables, so choosing 「住基 2021年1月1日」
needs no download. The Japanese come from ``YY08nsnen``, the foreign residents from
``YY12gsnen`` (suppressed cells allocated by the reader); the frame is the long layout every
other base population uses, so the projection, pages and reports treat it like an upload.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import pandas as pd

from sousei.io.errors import InputError
from sousei.io.population.juki_soumu import read_juki_ages
from sousei.io.reference import shipped

JUKI_BASE_YEAR = 2021
TABLES = {"japanese": "08nsnen.", "foreign": "12gsnen."}


def juki_source(year: int = JUKI_BASE_YEAR) -> str:
    return (f"総務省「住民基本台帳に基づく人口、人口動態及び世帯数」{year}年1月1日現在 "
            "(日本人住民・外国人住民)")


def juki_file_names(year: int = JUKI_BASE_YEAR) -> tuple[str, ...]:
    """The two published tables of ``year`` (日本人住民, 外国人住民)."""
    names = []
    for part in TABLES.values():
        prefix = f"{year % 100:02d}{part}"
        found = [name for name in shipped.juki_names() if name.startswith(prefix)]
        if not found:
            raise InputError(f"{year}年1月1日の住基の年齢別人口表は収録されていません")
        names.append(found[0])
    return tuple(names)


@cache
def _frame(name: str) -> pd.DataFrame:
    return read_juki_ages(shipped.juki_file(name)).frame


def juki_base_frame(codes: Sequence[str], year: int = JUKI_BASE_YEAR) -> pd.DataFrame:
    """Japanese and foreign residents of ``codes`` (today's 5-digit codes) on 1 January
    ``year``, long layout; a code the tables lack is refused by name."""
    parts = [_frame(name) for name in juki_file_names(year)]
    frame = pd.concat([p[p["area_code"].isin(list(codes))] for p in parts], ignore_index=True)
    missing = sorted(set(codes) - set(frame["area_code"]))
    if missing:
        raise InputError(f"住基の表に地域 {', '.join(missing)} がありません")
    return frame
