"""The indicators every 人口ビジョン table reports, per scenario, year and region.

Rows of the projection and simulation tables: total, Japanese, foreign and foreign share; the
three age groups and their shares (年少人口比率, 生産年齢人口比率, 高齢化率); and each scenario's
difference from the baseline. Also the yearly 人口動態 sums: natural change (自然増減 = births -
deaths) and social change (社会増減 = in-moves - out-moves), whatever file they were read from.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sousei.demography.ages import CHILD, ELDERLY, WORKING
from sousei.demography.bounds import check_year, persons_problem

# Identifier -> the row label printed in Japanese tables, in print order.
INDICATOR_LABELS: dict[str, str] = {
    "total": "総人口",
    "japanese": "うち日本人",
    "foreign": "うち外国人",
    "foreign_share": "外国人比率",
    "child": "年少人口(0～14歳)",
    "working": "生産年齢人口(15～64歳)",
    "elderly": "老年人口(65歳以上)",
    "child_share": "年少人口比率",
    "working_share": "生産年齢人口比率",
    "elderly_share": "高齢化率",
}
SHARE_INDICATORS = ("foreign_share", "child_share", "working_share", "elderly_share")


def _share(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    return np.divide(part, whole, out=np.zeros_like(part, dtype=float), where=whole > 0)


def age_group_totals(population: np.ndarray) -> dict[str, np.ndarray]:
    """Total and the three age groups of (..., sex, age) populations, summed over sex."""
    by_age = np.asarray(population, dtype=float).sum(axis=-2)
    return {
        "total": by_age.sum(axis=-1),
        "child": by_age[..., CHILD].sum(axis=-1),
        "working": by_age[..., WORKING].sum(axis=-1),
        "elderly": by_age[..., ELDERLY].sum(axis=-1),
    }


def indicators(total: np.ndarray, foreign: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Indicator arrays (shape of ``total`` without sex and age) in :data:`INDICATOR_LABELS` order.

    ``total`` and ``foreign`` are (..., sex, age) populations; without ``foreign`` the Japanese
    and foreign rows are left out (the data did not split nationality).
    """
    groups = age_group_totals(total)
    out: dict[str, np.ndarray] = {"total": groups["total"]}
    if foreign is not None:
        foreign_total = np.asarray(foreign, dtype=float).sum(axis=(-2, -1))
        out["japanese"] = groups["total"] - foreign_total
        out["foreign"] = foreign_total
        out["foreign_share"] = _share(foreign_total, groups["total"])
    for name in ("child", "working", "elderly"):
        out[name] = groups[name]
    for name in ("child", "working", "elderly"):
        out[f"{name}_share"] = _share(groups[name], groups["total"])
    return out


def difference_from_baseline(
    values: dict[str, np.ndarray], baseline: int = 0
) -> dict[str, np.ndarray]:
    """Each indicator minus the baseline scenario's (scenario is the first axis)."""
    return {name: array - array[baseline : baseline + 1] for name, array in values.items()}


@dataclass(frozen=True)
class VitalYear:
    """One year of 人口動態 (persons): births, deaths, in-moves and out-moves."""

    year: int
    births: int
    deaths: int
    in_moves: int
    out_moves: int
    fiscal: bool = False  # ``year`` is a fiscal year (年度, April-March), not a calendar year

    def __post_init__(self) -> None:
        check_year(self.year, "年")
        counts = [self.births, self.deaths, self.in_moves, self.out_moves]
        problem = persons_problem(np.array(counts, dtype=float))
        if problem is not None:
            names = ("出生", "死亡", "転入", "転出")
            raise ValueError(f"{self.year}年の{names[problem[0]]}: {problem[1]}")

    @property
    def natural_change(self) -> int:
        """自然増減: births - deaths."""
        return self.births - self.deaths

    @property
    def social_change(self) -> int:
        """社会増減: in-moves - out-moves (転入 - 転出)."""
        return self.in_moves - self.out_moves

    @property
    def total_change(self) -> int:
        """人口増減: natural plus social change."""
        return self.natural_change + self.social_change
