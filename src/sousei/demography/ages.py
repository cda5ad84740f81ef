"""The age grid of every projection: 5-year groups 0-4 ... 85-89 and the open group 90+.

IPSS and the Cabinet Office worksheet both project on this grid; single-year data (住民基本台帳)
is aggregated into it before anything else happens, so every array in the engine shares one
age axis of length :data:`N_AGES`.
"""

from __future__ import annotations

import numpy as np

AGE_STEP = 5
OPEN_AGE = 90
AGE_STARTS: tuple[int, ...] = tuple(range(0, OPEN_AGE + 1, AGE_STEP))
N_AGES = len(AGE_STARTS)  # 19
OPEN = N_AGES - 1

SEXES: tuple[str, ...] = ("M", "F")
MALE, FEMALE = 0, 1
SEX_LABELS_JA = {"M": "男", "F": "女"}

# Index ranges on the age axis (slices keep them cheap inside kernels).
CHILD = slice(0, 3)  # 年少人口 0-14
WORKING = slice(3, 13)  # 生産年齢人口 15-64
ELDERLY = slice(13, N_AGES)  # 老年人口 65+
WOMEN_15_49 = slice(3, 10)  # 再生産年齢の女性 15-49


def age_label(start: int) -> str:
    """The label printed in Japanese tables, e.g. ``0～4歳`` or ``90歳以上``."""
    if start == OPEN_AGE:
        return f"{OPEN_AGE}歳以上"
    return f"{start}～{start + AGE_STEP - 1}歳"


AGE_LABELS_JA: tuple[str, ...] = tuple(age_label(a) for a in AGE_STARTS)


def age_group_index(age: np.ndarray | int) -> np.ndarray:
    """Group index of single ages (any age >= 90 falls into the open group)."""
    return np.minimum(np.asarray(age) // AGE_STEP, OPEN)


def aggregate_single_years(values: np.ndarray, ages: np.ndarray, axis: int = -1) -> np.ndarray:
    """Sum values by single year of age into the 5-year grid along ``axis``.

    ``ages`` gives the single age of each position on that axis; ages beyond 90 (including an
    open 100+ group) go to 90+. Every group must receive at least one age, so a table that stops
    at 84 is refused rather than silently projected with an empty 85+.
    """
    ages = np.asarray(ages)
    groups = age_group_index(ages)
    missing = sorted(set(range(N_AGES)) - set(groups.tolist()))
    if missing:
        labels = ", ".join(AGE_LABELS_JA[i] for i in missing)
        raise ValueError(f"年齢階級 {labels} に当たる年齢がありません")
    moved = np.moveaxis(np.asarray(values, dtype=float), axis, -1)
    out = np.zeros((*moved.shape[:-1], N_AGES))
    np.add.at(out, (..., groups), moved)
    return np.moveaxis(out, -1, axis)
