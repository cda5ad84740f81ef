"""Real population files for the vision tests, made from the shipped census of 久留米市 (40203)."""

from __future__ import annotations

from pathlib import Path

from sousei.io.population.convert import population_to_frame
from sousei.io.population.long_format import write_long_csv
from sousei.vision.inputs import census_history

KURUME = "40203"


def kurume_frame():
    return population_to_frame(census_history([KURUME]).at(2015))


def kurume_csv(folder: Path, name: str = "kurume2015.csv") -> Path:
    path = folder / name
    write_long_csv(kurume_frame(), path)
    return path
