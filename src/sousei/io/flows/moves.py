"""Moves by origin or destination area (転入元・転出先別の移動) from an uploaded CSV or xlsx.

The layout follows 住民基本台帳人口移動報告 and the municipality's own register extracts: one
row per year x area x counterpart, with in-moves from and out-moves to that counterpart. A
counterpart is a prefecture (2-digit or 5/6-digit code), a municipality (5/6-digit code; the
large partners), 国外 (abroad), その他 (unknown or not itemised) or 総数 (the total, optional).
Municipal rows of a prefecture that also has its own row are its breakdown, so the reader
checks they do not exceed it, and that a 総数 row equals the sum of the other rows: the
analysis (``sousei.vision.moves``) can then trust every total. See docs/data-format.md.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from sousei.io.errors import InputError, Where
from sousei.io.reference.codes import (
    AreaCodeError,
    area_key,
    area_name,
    is_known_code,
    resolve_area,
)
from sousei.io.upload_table import area_codes, check_unique, read_text_table, whole_numbers, years

COLUMNS = ("year", "area_code", "counterpart_code", "in_moves", "out_moves")
ALIASES = {"年": "year", "地域コード": "area_code", "団体コード": "area_code",
           "相手先コード": "counterpart_code", "相手先": "counterpart_name",
           "相手先名": "counterpart_name", "転入": "in_moves", "転入数": "in_moves",
           "転入者数": "in_moves", "転出": "out_moves", "転出数": "out_moves",
           "転出者数": "out_moves"}
SPECIAL = {"国外": "abroad", "総数": "total", "合計": "total", "計": "total",
           "その他": "other", "不詳": "other"}
SPECIAL_NAMES = {"abroad": "国外", "total": "総数", "other": "その他"}
KEYS = ["year", "area_code", "counterpart"]


def _counterpart(code: str, name: str) -> tuple[str, str, str] | str:
    """(key, name, level) of one counterpart, or the Japanese reason it is not one."""
    text = unicodedata.normalize("NFKC", code or name).strip().replace(" ", "")
    if not text:
        return "相手先コードも相手先名も空欄です"
    if text in SPECIAL:
        level = SPECIAL[text]
        return level, SPECIAL_NAMES[level], level
    try:
        key = area_key(text)
    except AreaCodeError as error:
        return str(error)
    if not is_known_code(key) or key == "00000":
        return f"相手先 {text} は全国地方公共団体コード表にありません (国外・その他・総数 も使えます)"
    if code and name and _names_other_area(name, key):
        return (f"相手先コード {code} ({area_name(key)}) と相手先 {name} が一致しません "
                "(列がずれていないか確かめてください)")
    level = "prefecture" if key.endswith("000") else "municipality"
    return key, area_name(key), level


def _names_other_area(name: str, key: str) -> bool:
    """True only when the name clearly names another area; a name the master does not know
    (東京都区部, 県内) or shares with others (府中市) is not checked."""
    try:
        return resolve_area(name) != key
    except AreaCodeError:
        return False


def _counterparts(raw: pd.DataFrame, where: Where) -> pd.DataFrame:
    names = raw["counterpart_name"] if "counterpart_name" in raw else pd.Series("", raw.index)
    found: dict[tuple[str, str], tuple[str, str, str]] = {}
    pairs = list(zip(raw["counterpart_code"], names, strict=True))
    for position, pair in enumerate(pairs):
        if pair in found:
            continue
        result = _counterpart(*pair)
        if isinstance(result, str):
            column = "counterpart_code" if pair[0] else "counterpart_name"
            raise where.error(result, position, column)
        found[pair] = result
    keys, labels, levels = zip(*(found[pair] for pair in pairs), strict=True)
    return pd.DataFrame({"counterpart": keys, "counterpart_name": labels, "level": levels})


def read_moves(data: bytes, file: str,
               areas: frozenset[str] | None = None) -> pd.DataFrame:
    """The validated moves table: year, area_code, counterpart (5-digit code or abroad /
    other / total), counterpart_name, level, in_moves, out_moves (persons), one row per key."""
    raw, where = read_text_table(data, file, ALIASES, COLUMNS)
    frame = pd.DataFrame({"year": years(raw["year"], where),
                          "area_code": area_codes(raw["area_code"], "area_code", where, areas)})
    frame = pd.concat([frame, _counterparts(raw, where)], axis=1)
    frame["in_moves"] = whole_numbers(raw["in_moves"], "in_moves", where, "転入数")
    frame["out_moves"] = whole_numbers(raw["out_moves"], "out_moves", where, "転出数")
    own = frame["counterpart"] == frame["area_code"]
    if own.any():
        position = int(np.flatnonzero(own.to_numpy())[0])
        raise where.error("相手先が地域コードと同じです (市区町村内の移動は含めません)",
                          position, "counterpart_code")
    check_unique(frame, KEYS, where, "counterpart_code")
    _check_breakdowns(frame, where)
    _check_totals(frame, where)
    return frame


def read_moves_file(path: str | Path) -> pd.DataFrame:
    """:func:`read_moves` on a file (CSV or xlsx by its content)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("ファイルが見つかりません", path.name)
    return read_moves(path.read_bytes(), path.name)


def prefecture_level(frame: pd.DataFrame) -> pd.Series:
    """True for rows that count once in the total: prefecture rows, municipal rows of a
    prefecture that has no row of its own, abroad and other."""
    level = frame["level"]
    prefix = frame["year"].astype(str) + ":" + frame["area_code"] + ":"
    own_rows = prefix + frame["counterpart"]
    has_row = (prefix + frame["counterpart"].str[:2] + "000").isin(own_rows[level == "prefecture"])
    return level.isin(["prefecture", "abroad", "other"]) | ((level == "municipality") & ~has_row)


def _check_breakdowns(frame: pd.DataFrame, where: Where) -> None:
    municipal = frame[frame["level"] == "municipality"].assign(
        counterpart=lambda f: f["counterpart"].str[:2] + "000")
    sums = municipal.groupby(KEYS)[["in_moves", "out_moves"]].sum()
    prefectures = frame[frame["level"] == "prefecture"].set_index(KEYS)
    joined = prefectures.join(sums.add_suffix("_parts"), how="inner")
    for column, what in (("in_moves", "転入"), ("out_moves", "転出")):
        over = joined[f"{column}_parts"] > joined[column]
        if over.any():
            key = over[over].index[0]
            row = joined.loc[key]
            position = int(np.flatnonzero(frame[KEYS].eq(list(key)).all(axis=1).to_numpy())[0])
            raise where.error(
                f"{row['counterpart_name']}の{what} ({row[column]:,}) が、その内訳の市区町村の"
                f"合計 ({row[f'{column}_parts']:,}) より少なくなっています", position, column)


def _check_totals(frame: pd.DataFrame, where: Where) -> None:
    parts = frame[prefecture_level(frame)].groupby(["year", "area_code"])[
        ["in_moves", "out_moves"]].sum()
    totals = frame[frame["level"] == "total"]
    for position, row in zip(totals.index, totals.itertuples(index=False), strict=True):
        key = (row.year, row.area_code)
        for column, what in (("in_moves", "転入"), ("out_moves", "転出")):
            expected = int(parts.loc[key, column]) if key in parts.index else 0
            if getattr(row, column) != expected:
                raise where.error(
                    f"総数の{what} ({getattr(row, column):,}) が相手先の合計 ({expected:,}) と"
                    "一致しません (都道府県・国外・その他の行の合計が総数になるようにしてください)",
                    position, column)
