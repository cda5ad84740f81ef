"""A municipality's own resident population (住民基本台帳) at its base year, by nationality.

The report's 住基 table shows what the projection started from: persons by sex and 5-year age,
Japanese and foreign residents apart when the file splits them, otherwise the total.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sousei.io.population.convert import frame_to_population

NATIONALITY_LABELS = {"japanese": "日本人", "foreign": "外国人", "total": "総数"}


@dataclass(frozen=True)
class ResidentPopulation:
    """Persons (sex, age) per nationality (``japanese`` and ``foreign``, or ``total``)."""

    year: int
    source: str
    by_nationality: dict[str, np.ndarray]


def resident_population(
    frame: pd.DataFrame, region: str, year: int, source: str
) -> ResidentPopulation:
    """One region's rows of a validated long frame at ``year``."""
    at = frame[(frame["year"] == year) & (frame["area_code"] == region)]
    present = set(at["nationality"])
    kinds = ("japanese", "foreign") if {"japanese", "foreign"} <= present else ("total",)
    values = {
        kind: frame_to_population(at, year, kind).values[0].copy() for kind in kinds
    }
    return ResidentPopulation(year, source, values)
