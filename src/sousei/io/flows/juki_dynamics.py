"""The 総務省 住基 人口・世帯数・人口動態 tables (市区町村別), read as downloaded, 2013 on.

One national file per nationality and year (``1707nsjin.xls`` 日本人住民, ``1711gsjin.xls``
外国人住民, ``1703ssjin.xls`` 総計): per area the population by sex and households at the
reference date, and the year's moves: 転入 (国内/国外), 出生, その他記載, 転出 (国内/国外), 死亡,
その他消除, 自然増減 and 社会増減. The 2013 files cover fiscal 2012 (April 2012 - March 2013),
later ones the calendar year before the 1 January reference date; both are read from the title.

The header is three to five rows deep and drifts (増加 / 増減, 日本人住民 / 複数国籍 households
from 2013 for the Japanese table, a year row and a units row from 2021), so each column is
named by the words of all its header rows together. Published 自然増減 and 社会増減 are kept as
printed and checked against births - deaths and (転入 + その他記載) - (転出 + その他消除); a
difference is reported in ``notes``, never silently corrected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from sousei.io import juki_sheet
from sousei.io.errors import InputError
from sousei.io.juki_sheet import Sheet, text
from sousei.io.population.juki_soumu import area_kinds
from sousei.io.population.layout import NATIONAL_CODE
from sousei.japanese.era import EraError, parse_year

FIELDS = ("population_male", "population_female", "population", "households",
          "in_domestic", "in_abroad", "in_moves", "births", "other_in", "recorded",
          "out_domestic", "out_abroad", "out_moves", "deaths", "other_out", "removed",
          "change", "natural_change", "social_change")
REQUIRED = ("population", "in_moves", "births", "out_moves", "deaths")
_PERIOD = re.compile(r"[、,]\s*((?:令和|平成)\s*(?:\d{1,2}|元)\s*年|\d{4}\s*年)\s*(度)?")
_UNITS = {"人", "世帯", "%", "％"}


@dataclass(frozen=True)
class JukiDynamics:
    """One 人口動態 table. ``frame``: one row per area with area_code, prefecture, name, kind,
    nationality, year (of the moves: the fiscal year for 2013's file), period_start,
    period_end, reference_date, then FIELDS (NaN where a file has no such column)."""

    frame: pd.DataFrame
    reference_date: date
    nationality: str
    fiscal_year: bool
    notes: tuple[str, ...]
    footnotes: tuple[str, ...]
    file: str


def _period(sheet: Sheet) -> tuple[int, bool, date, date]:
    """(year, fiscal, start, end) of the moves, from the title's second date."""
    title = juki_sheet.title_of(sheet)
    match = _PERIOD.search(title)
    if match is None:
        raise sheet.error("表題に人口動態の期間 (例: 令和2年 / 平成24年度) が見つかりません", 0, 0)
    try:
        year = parse_year(match[1].replace(" ", ""))
    except EraError as error:
        raise sheet.error(f"表題の期間 {match[0]} を読めません ({error})", 0, 0) from None
    if match[2]:
        return year, True, date(year, 4, 1), date(year + 1, 3, 31)
    return year, False, date(year, 1, 1), date(year, 12, 31)


def _first_data_row(sheet: Sheet) -> int:
    for r, row in enumerate(sheet.rows[:15]):
        cells = [text(v) for v in row[:3]]
        if r > 0 and ("合計" in cells or any(re.fullmatch(r"\d{6}", c) for c in cells)):
            return r
    raise sheet.error("地域の行 (合計、団体コード 6桁) が見つかりません", 1)


def _labels(sheet: Sheet, first: int) -> list[str]:
    """Each column's header words joined, the group rows carried right over merged cells."""
    width = max(len(row) for row in sheet.rows[:first])
    header = [[text(sheet.cell(r, c)) for c in range(width)] for r in range(1, first)]
    header = [row for row in header if not all(c in _UNITS or c == "" for c in row[3:])]
    leaf = max((i for i, row in enumerate(header) if "男" in row), default=len(header) - 1)
    for i, row in enumerate(header):
        if i == leaf:
            continue
        for c in range(4, width):
            if row[c] == "":
                row[c] = row[c - 1]
    labels = []
    for c in range(width):
        words: list[str] = []
        for row in header:
            if row[c] and row[c] not in words and not re.fullmatch(r"\d{4}年", row[c]):
                words.append(row[c])
        labels.append("/".join(words))
    return labels


def _field(label: str) -> str | None:
    """The field a column's joined header words name, or None (rates, sub-kinds of その他)."""
    leaf = label.rsplit("/", 1)[-1]
    if "率" in leaf:
        return None
    rules = (("自然増", "natural_change"), ("社会増", "social_change"), ("増減数", "change"),
             ("増加数", "change"), ("転入者数(国内)", "in_domestic"),
             ("転入者数(国外)", "in_abroad"), ("転入者数(計)", "in_moves"),
             ("転出者数(国内)", "out_domestic"), ("転出者数(国外)", "out_abroad"),
             ("転出者数(計)", "out_moves"), ("出生者数", "births"), ("死亡者数", "deaths"),
             ("計(A)", "recorded"), ("計(B)", "removed"))
    for word, field in rules:
        if word in leaf:
            return field
    if leaf == "その他(計)":
        return "other_in" if "記載" in label else "other_out"
    if "人口" in label and leaf in ("男", "女", "計"):
        return {"男": "population_male", "女": "population_female", "計": "population"}[leaf]
    if "世帯数" in label and leaf in ("計", "世帯数"):
        return "households"
    return None


def _columns(sheet: Sheet, first: int) -> dict[str, int]:
    columns: dict[str, int] = {}
    for c, label in enumerate(_labels(sheet, first)):
        field = _field(label) if c >= 3 else None
        if field is not None and field not in columns:
            columns[field] = c
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        raise sheet.error(f"見出しに {'・'.join(missing)} の列がありません", 1)
    return columns


def read_juki_dynamics(path: str | Path) -> JukiDynamics:
    """Read a 住基 人口・世帯数・人口動態 table (.xls, .xls.gz or .xlsx) as published."""
    sheet = juki_sheet.read_sheet(path)
    when = juki_sheet.reference_date(sheet)
    nationality = juki_sheet.nationality_of(sheet)
    year, fiscal, start, end = _period(sheet)
    first = _first_data_row(sheet)
    columns = _columns(sheet, first)
    codes, prefectures, names, values, rows, footnotes = [], [], [], [], [], []
    for r in range(first, len(sheet.rows)):
        prefecture = text(sheet.cell(r, 1))
        if not prefecture or prefecture in ("都道府県名",):
            note = next((text(v) for v in sheet.rows[r] if text(v)), "")
            if note.startswith(("注", "※")):
                footnotes.append(note)
            elif any(isinstance(sheet.cell(r, c), int | float) for c in columns.values()):
                raise sheet.error("都道府県名がない行に数値があります", r, 1, "都道府県名")
            continue
        code = juki_sheet.area_code(sheet, r, 0, prefecture)
        name = text(sheet.cell(r, 2))
        codes.append(code)
        prefectures.append(prefecture.rstrip("*"))
        names.append("" if name in ("-", "－") else name.rstrip("*"))
        values.append([juki_sheet.count(sheet, r, columns[f], f) if f in columns else None
                       for f in FIELDS])
        rows.append(r + 1)
    frame = pd.DataFrame(np.array(values, dtype=float), columns=list(FIELDS))
    frame.insert(0, "area_code", [c or NATIONAL_CODE for c in codes])
    frame.insert(1, "prefecture", prefectures)
    frame.insert(2, "name", names)
    frame.insert(3, "kind", area_kinds(codes, names))
    frame.insert(4, "nationality", nationality)
    frame.insert(5, "year", year)
    frame.insert(6, "period_start", start)
    frame.insert(7, "period_end", end)
    frame.insert(8, "reference_date", when)
    frame.insert(9, "row", rows)
    duplicated = frame["area_code"].duplicated()
    if duplicated.any():
        r = int(frame.loc[duplicated, "row"].iat[0])
        raise sheet.error(f"地域 {frame.loc[duplicated, 'area_code'].iat[0]} の行が2度あります",
                          r - 1, 0, "団体コード")
    return JukiDynamics(frame, when, nationality, fiscal, tuple(_check(frame)),
                        tuple(footnotes), sheet.file)


def _check(frame: pd.DataFrame) -> list[str]:
    """Published 自然増減 / 社会増減 against their parts; differences are reported."""
    notes = []
    natural = frame["births"] - frame["deaths"]
    social = (frame["in_moves"] + frame["other_in"].fillna(0)
              - frame["out_moves"] - frame["other_out"].fillna(0))
    for field, derived, label in (("natural_change", natural, "自然増減 (出生 - 死亡)"),
                                  ("social_change", social, "社会増減 (転入+その他 - 転出-その他)")):
        bad = frame[(frame[field] - derived).abs() > 0.5]
        if not bad.empty:
            sample = "、".join(f"{r.row}行目 {r.area_code}" for r in bad.head(3).itertuples())
            notes.append(f"{label} と表の値が一致しない地域が {len(bad)} あります "
                         f"(表の値を使用): {sample}")
    return notes


def dynamics_series(paths: list[str | Path]) -> pd.DataFrame:
    """Several years' tables of one nationality as one frame, by area and year (the 2013
    file's fiscal 2012 labelled 2012); the same year twice is refused."""
    tables = [read_juki_dynamics(p) for p in paths]
    frame = pd.concat([t.frame for t in tables], ignore_index=True)
    twice = frame.duplicated(["area_code", "nationality", "year"])
    if twice.any():
        row = frame[twice].iloc[0]
        raise InputError(f"{row.year}年の人口動態 ({row.nationality}) が2つのファイルに"
                                    "あります")
    return frame.sort_values(["area_code", "nationality", "year"]).reset_index(drop=True)
