"""Foreign residents by nationality and by residence status: ranked, shares and change.

Input is the table of ``sousei.io.flows.foreign_residents.read_foreign_residents`` (or its stored
rows): year, area_code, nationality, residence_status, persons, where 総数 marks "all". A
nationality's persons are its 総数 row when given, else the sum of its rows by status (the
reader checked both agree); likewise for a status. Sub-statuses that 法務省 lists separately
(技能実習1号ロ, 特定技能2号, 高度専門職1号イ) are grouped into their status (技能実習 ...), which is
how 人口ビジョン tables show them. その他 always comes last, whatever its size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from sousei.io.flows.foreign_residents import TOTAL

OTHER = "その他"
_SUB_STATUS = re.compile(r"\d+号.*$")


@dataclass(frozen=True)
class Group:
    """Foreign residents of one nationality or residence status in a year."""

    name: str
    persons: int
    share: float | None  # per cent of all foreign residents of the year
    change: int | None  # persons minus those of the previous uploaded year (None: not there)


@dataclass(frozen=True)
class ForeignSummary:
    year: int
    total: int
    previous_year: int | None
    total_change: int | None
    nationalities: list[Group]
    statuses: list[Group]


def foreign_years(frame: pd.DataFrame) -> list[int]:
    return sorted(int(y) for y in frame["year"].unique())


def status_family(status: str) -> str:
    """技能実習1号ロ -> 技能実習, 特定技能2号 -> 特定技能; other statuses unchanged."""
    return _SUB_STATUS.sub("", status) or status


def persons_by(frame: pd.DataFrame, year: int, dimension: str) -> pd.Series:
    """Persons per nationality (``dimension="nationality"``) or residence status, summed over
    the areas; empty when the year has no rows of that table."""
    other = "residence_status" if dimension == "nationality" else "nationality"
    at = frame[(frame["year"] == year) & (frame[dimension] != TOTAL)]
    keys = ["area_code", dimension]
    given = at[at[other] == TOTAL].set_index(keys)["persons"]
    summed = at[at[other] != TOTAL].groupby(keys)["persons"].sum()
    margins = pd.concat([given, summed[~summed.index.isin(given.index)]]).reset_index()
    if dimension == "residence_status":
        margins[dimension] = margins[dimension].map(status_family)
    return margins.groupby(dimension)["persons"].sum().astype(int)


def foreign_total(frame: pd.DataFrame, year: int) -> int:
    """The 総数 x 総数 rows when every area has one, else the sum by nationality (or by status)."""
    at = frame[frame["year"] == year]
    total = at[(at["nationality"] == TOTAL) & (at["residence_status"] == TOTAL)]
    if not total.empty and set(total["area_code"]) == set(at["area_code"]):
        return int(total["persons"].sum())
    by_nationality = persons_by(frame, year, "nationality")
    if not by_nationality.empty:
        return int(by_nationality.sum())
    return int(persons_by(frame, year, "residence_status").sum())


def _previous(frame: pd.DataFrame, year: int, dimension: str) -> pd.Series:
    """The same table of the previous uploaded year (empty when that year lacks it)."""
    earlier = [y for y in foreign_years(frame) if y < year]
    return persons_by(frame, earlier[-1], dimension) if earlier else pd.Series(dtype=int)


def ranked_groups(frame: pd.DataFrame, year: int, dimension: str) -> list[Group]:
    """Largest first (ties by name), その他 last; share of the year's foreign residents and
    change since the previous uploaded year (None where that year lacks the row)."""
    persons = persons_by(frame, year, dimension)
    total = foreign_total(frame, year)
    before = _previous(frame, year, dimension)
    order = sorted(persons.index, key=lambda n: (n == OTHER, -int(persons[n]), n))
    return [Group(name, int(persons[name]),
                  100.0 * int(persons[name]) / total if total else None,
                  int(persons[name]) - int(before[name]) if name in before.index else None)
            for name in order]


def summarise_foreign(frame: pd.DataFrame, year: int | None = None) -> ForeignSummary:
    """Both tables for one year (the latest by default) with the change of the total."""
    years = foreign_years(frame)
    year = year if year is not None else max(years)
    total = foreign_total(frame, year)
    earlier = [y for y in years if y < year]
    previous = earlier[-1] if earlier else None
    change = total - foreign_total(frame, previous) if previous is not None else None
    return ForeignSummary(year, total, previous, change,
                          ranked_groups(frame, year, "nationality"),
                          ranked_groups(frame, year, "residence_status"))


def foreign_frame(rows: list[dict]) -> pd.DataFrame:
    """Stored rows (the reader's records) back into the analysis frame."""
    return pd.DataFrame(rows, columns=["year", "area_code", "nationality", "residence_status",
                                       "persons"])


@dataclass(frozen=True)
class Trend:
    """Persons per uploaded year of each nationality (or status); None where a year lacks it."""

    years: tuple[int, ...]
    rows: tuple[tuple[str, tuple[int | None, ...]], ...]


def trend(frame: pd.DataFrame, dimension: str) -> Trend:
    """The table over every uploaded year that has it, rows in the order of the latest year
    (その他 last), so the 推移 table reads like the ranking above it."""
    tables = {y: persons_by(frame, y, dimension) for y in foreign_years(frame)}
    tables = {y: t for y, t in tables.items() if not t.empty}
    if not tables:
        return Trend((), ())
    latest = tables[max(tables)]
    names = sorted(latest.index, key=lambda n: (n == OTHER, -int(latest[n]), n))
    names += sorted({n for t in tables.values() for n in t.index} - set(names),
                    key=lambda n: (n == OTHER, n))
    return Trend(tuple(tables), tuple(
        (name, tuple(int(t[name]) if name in t.index else None for t in tables.values()))
        for name in names))
