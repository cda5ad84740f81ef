"""A base population from the 総務省 住基 age tables as published, for every municipality.

The user gives the national files of one reference date (日本人住民 + 外国人住民, or 総計 alone)
and sousei finds the 外国人 table of five years earlier beside them (or takes it from
``--foreign-history``) for the foreigners' cohort change ratios. A bare published file name
(``1708nsnen.xls``) that is not a file in the current folder is the copy shipped with sousei.

Dating: the base is the tables' reference date (1 January from 2014, 31 March in 2013), and the
5-year steps keep that day: 2017-01-01 -> 2022-01-01 …; the year column carries the year of
the reference date. The census-based rates (survival, net migration, child-woman ratio of the
latest census up to the base year) are per 5-year period and are applied to these periods
unshifted: the nine months between 1 October and 1 January are not interpolated.

2013-2014 tables stop at 80歳以上; that group is split into 80-84 / 85-89 / 90+ in the shares
of the national census of the latest census year up to the table's date (data no later than
the base), and the split is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STEP
from sousei.io.errors import InputError
from sousei.io.population.juki_soumu import JukiAgeTable, read_juki_ages
from sousei.io.population.layout import canonical
from sousei.io.reference import shipped

_FOREIGN_NAME = re.compile(r"^(\d{2})12gsnen\.xlsx?(\.gz)?$")
_OPEN_SPLIT = (80, 85, 90)


@dataclass
class JukiBase:
    """The tables of the base date, the foreign history and what was said about them."""

    japanese: JukiAgeTable | None
    foreign: JukiAgeTable | None
    total: JukiAgeTable | None
    foreign_history: JukiAgeTable | None
    notes: list[str] = field(default_factory=list)

    @property
    def main(self) -> JukiAgeTable:
        table = self.japanese or self.total
        assert table is not None
        return table

    @property
    def reference_date(self) -> date:
        return self.main.reference_date

    @property
    def base_year(self) -> int:
        return self.reference_date.year


def resolve(path: Path, notes: list[str]) -> Path:
    """``path`` itself, or for a bare published name that is not a file here the shipped copy."""
    if path.is_file() or path.name != str(path):
        return path
    copy = shipped.juki_file(path.name)
    if copy is None:
        return path
    notes.append(f"{path.name}: 同梱の総務省「住民基本台帳に基づく人口…」の表を使います ({copy})")
    return copy


def _beside(path: Path, before: date) -> list[Path]:
    """外国人 age tables named as published (YY12gsnen) in the folder of ``path``."""
    folder = path.parent
    found = []
    for candidate in sorted(folder.iterdir()):
        match = _FOREIGN_NAME.match(candidate.name)
        if match and 2000 + int(match[1]) < before.year:
            found.append(candidate)
    return found


def load_juki_base(paths: list[Path], history: list[Path] | None = None) -> JukiBase:
    """Read the given tables; the latest reference date is the base."""
    notes: list[str] = []
    tables = [read_juki_ages(resolve(p, notes)) for p in paths]
    base_date = max(t.reference_date for t in tables)
    at_base = {t.nationality: t for t in tables if t.reference_date == base_date}
    earlier = [t for t in tables if t.reference_date < base_date]
    if any(t.nationality != "foreign" for t in earlier):
        odd = next(t for t in earlier if t.nationality != "foreign")
        raise InputError(f"基準日 {base_date} より前の表は外国人住民のものだけ指定できます "
                         f"(推計の基準日は最新の表の日付です)", odd.file)
    japanese, foreign, total = (at_base.get(k) for k in ("japanese", "foreign", "total"))
    if japanese is None and total is None:
        raise InputError("日本人住民 (…nsnen) か総計 (…ssnen) の年齢階級別人口の表が必要です",
                         tables[0].file)
    if japanese is not None and foreign is None:
        raise InputError("日本人住民の表には同じ日付の外国人住民の表 (…gsnen) も指定してください "
                         "(または総計の表 …ssnen だけを指定)", japanese.file)
    if japanese is None:
        notes.append("警告: 総計の表だけなので、日本人と外国人を分けずにコーホート要因法で"
                     "推計します (外国人の動きは国勢調査の純移動率に含まれる分だけです)")
    elif total is not None:
        notes.append(f"{total.file}: 日本人住民と外国人住民の表があるので総計の表は使いません")
    result = JukiBase(japanese, foreign, total if japanese is None else None, None, notes)
    if foreign is not None:
        result.foreign_history = _history(foreign, earlier, history, paths, notes)
    for table in (result.main, result.foreign):
        if table is not None:
            notes.extend(f"{table.file}: {note}" for note in table.notes)
    return result


def _history(foreign: JukiAgeTable, given: list[JukiAgeTable], history: list[Path] | None,
             paths: list[Path], notes: list[str]) -> JukiAgeTable | None:
    """The earlier 外国人 table nearest to five years before the base."""
    base = foreign.reference_date
    candidates = list(given)
    if history:
        candidates += [read_juki_ages(resolve(p, notes)) for p in history]
    else:  # by the published names: only the one nearest five years before is read
        seen = {t.file for t in candidates}
        beside = [p for p in _beside(resolve(paths[0], []), base) if p.name not in seen]
        if beside and not any(t.reference_date.year == base.year - AGE_STEP for t in candidates):
            nearest = min(beside, key=lambda p: abs(2000 + int(p.name[:2]) - base.year + AGE_STEP))
            candidates.append(read_juki_ages(nearest))
    candidates = [t for t in candidates
                  if t.nationality == "foreign" and t.reference_date < base]
    if not candidates:
        notes.append("警告: 基準日より前の外国人住民の表がないので、外国人は基準日の人口を"
                     "男女・年齢別にそのまま維持すると仮定します")
        return None
    wanted = base.year - AGE_STEP
    chosen = min(candidates, key=lambda t: (abs(_years(t.reference_date, base) - AGE_STEP),
                                            abs(t.reference_date.year - wanted)))
    span = _years(chosen.reference_date, base)
    notes.append(f"外国人のコーホート変化率: {chosen.file} ({chosen.reference_date}) から "
                 f"{foreign.file} ({base}) まで {span:.2f} 年の変化"
                 + ("" if abs(span - AGE_STEP) < 0.3 else " を5年あたりに換算"))
    return chosen


def _years(start: date, end: date) -> float:
    return (end - start).days / 365.25


def grid_frame(table: JukiAgeTable, notes: list[str]) -> pd.DataFrame:
    """``table.frame`` with an open group below 90 (80歳以上) split by the national census."""
    frame = table.frame
    opened = frame[frame["age_span"].isna()]
    low = int(opened["age_start"].min()) if not opened.empty else 90
    if low >= 90:
        return frame
    if low != _OPEN_SPLIT[0]:
        raise InputError(f"{low}歳以上の階級は分けられません (80歳以上か90歳以上以上が必要)",
                         table.file)
    shares, census_year = _census_shares(table.reference_date.year)
    parts = []
    for i, start in enumerate(_OPEN_SPLIT):
        part = opened.copy()
        part["age_start"] = start
        part["age_span"] = pd.array([pd.NA if start == 90 else AGE_STEP] * len(part),
                                    dtype="Int64")
        part["value"] = part["value"].to_numpy() * part["sex"].map(
            {"M": shares["M"][i], "F": shares["F"][i]}).to_numpy()
        parts.append(part)
    notes.append(f"{table.file}: 80歳以上を {census_year}年国勢調査 (全国) の男女別の割合で "
                 "80～84・85～89・90歳以上に分けました")
    return canonical(pd.concat([frame[frame["age_span"].notna()], *parts]))


def _census_shares(year: int) -> tuple[dict[str, np.ndarray], int]:
    census = shipped.census_national()
    census_year = int(census.loc[census["year"] <= year, "year"].max())
    rows = census[census["year"] == census_year]
    shares = {}
    for sex in ("M", "F"):
        of_sex = rows[(rows["sex"] == sex) & (rows["age_start"] >= 80)]
        parts = np.array([of_sex.loc[of_sex["age_start"] == 80, "value"].sum(),
                          of_sex.loc[of_sex["age_start"] == 85, "value"].sum(),
                          of_sex.loc[of_sex["age_start"] >= 90, "value"].sum()])
        shares[sex] = parts / parts.sum()
    return shares, census_year
