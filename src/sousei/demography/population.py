"""A population by region x sex x age at one date, with its labels attached.

Labels travel with the values (never a bare matrix plus separate vectors), so a projection can
never mistake 2010 for 2015 or 久留米市 for its neighbour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from sousei.demography.ages import AGE_STARTS, N_AGES, SEXES
from sousei.demography.bounds import MAX_PERSONS, MAX_REGION_TOTAL

NATIONALITIES: tuple[str, ...] = ("total", "japanese", "foreign")


@dataclass(frozen=True)
class Population:
    """Persons by (region, sex, age) on the 5-year grid at ``year``.

    ``values`` has shape ``(len(regions), 2, 19)``: sexes in :data:`SEXES` order (M, F), ages
    0-4 ... 85-89, 90+. ``regions`` are 5-digit municipality or prefecture codes (``"40203"``).
    """

    values: np.ndarray
    regions: tuple[str, ...]
    year: int
    nationality: str = "total"
    names: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        values = np.asarray(self.values, dtype=float)
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "regions", tuple(self.regions))
        expected = (len(self.regions), len(SEXES), N_AGES)
        if values.shape != expected:
            raise ValueError(f"人口配列の形が {values.shape} です ({expected} が必要)")
        if not np.all(np.isfinite(values)):
            raise ValueError("人口に数値でない値があります")
        if np.any(values < 0):
            region, sex, age = np.argwhere(values < 0)[0]
            raise ValueError(
                f"負の人口があります: {self.regions[region]} {SEXES[sex]} {AGE_STARTS[age]}歳"
            )
        if np.any(values > MAX_PERSONS):
            region, sex, age = np.argwhere(values > MAX_PERSONS)[0]
            raise ValueError(f"人口が上限 {MAX_PERSONS:.0e} 人を超えています: "
                             f"{self.regions[region]} {SEXES[sex]} {AGE_STARTS[age]}歳")
        totals = values.sum(axis=(1, 2))
        if np.any(totals > MAX_REGION_TOTAL):
            region = int(np.argmax(totals > MAX_REGION_TOTAL))
            raise ValueError(f"{self.regions[region]} の総人口が上限 {MAX_REGION_TOTAL:.0e} 人を"
                             "超えています")
        if self.nationality not in NATIONALITIES:
            raise ValueError(f"国籍区分 {self.nationality!r} は {NATIONALITIES} のいずれかです")
        if self.names and len(self.names) != len(self.regions):
            raise ValueError("地域名の数が地域コードの数と合いません")

    def select(self, regions: Sequence[str]) -> Population:
        """The same population restricted to ``regions``, in that order."""
        index = {code: i for i, code in enumerate(self.regions)}
        missing = [code for code in regions if code not in index]
        if missing:
            raise KeyError(f"地域コード {', '.join(missing)} がありません")
        rows = [index[code] for code in regions]
        names = tuple(self.names[i] for i in rows) if self.names else ()
        return Population(self.values[rows], tuple(regions), self.year, self.nationality, names)

    def total(self) -> np.ndarray:
        """Total persons per region."""
        return self.values.sum(axis=(1, 2))

    def name_of(self, region: str) -> str:
        if not self.names:
            return region
        return self.names[self.regions.index(region)]
