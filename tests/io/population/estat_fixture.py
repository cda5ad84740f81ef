"""e-Stat census downloads written from real figures, for the reader, CLI and web tests.

The figures are the census of 久留米市 (40203) and 大川市 (40212), 2010 and 2015, from
``tests/data/census_kurume_okawa.csv`` (an extract of the ecitizen table, see its README).
They are laid out as e-Stat gives them: a block of metadata rows, one header row, one row per
cell with 総数 (of sex and of age) rows, 年齢不詳 rows, 再掲 rows (15歳未満, 65歳以上) and 注記
symbols (``X`` on a 再掲 cell, ``***`` on a 総数 cell that is then not checked).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[2] / "data"
SOURCE = DATA / "census_kurume_okawa.csv"
AREAS = {"40203": "久留米市", "40212": "大川市"}
YEARS = (2010, 2015)
SEXES = {"T": ("000", "総数"), "M": ("001", "男"), "F": ("002", "女")}
API_HEADER = ["tab_code", "表章項目", "cat01_code", "男女", "cat02_code", "年齢", "area_code",
              "地域", "time_code", "時間軸(年次)", "unit", "value"]
DB_HEADER = ["表章項目 コード", "表章項目", "男女 コード", "男女", "年齢 コード", "年齢",
             "地域", "時間軸（年次） コード", "時間軸（年次）", "unit", "value"]
API_META = [
    ["RESULT"], ["STATUS", "ERROR_MSG", "DATE"], ["0", "正常に終了しました。", "2024-04-01"], [],
    ["PARAMETER"], ["LANG", "STATS_DATA_ID", "DATA_FORMAT"], ["J", "0003445139", "C"], [],
    ["STATISTICAL_DATA"], ["TABLE_INF", "STAT_NAME", "TITLE"],
    ["0003445139", "国勢調査", "男女，年齢（5歳階級）別人口－市区町村"], [],
    ["NOTE"], ["char", "note"], ["-", "該当数値なし"], ["X", "秘匿"], ["***", "不詳"], [],
    ["VALUE"],
]
DB_META = [["統計名：", "国勢調査"], ["表題：", "男女，年齢（5歳階級）別人口"],
           ["集計地域：", "市区町村"], []]


def census_cells() -> pd.DataFrame:
    """Long frame: area_code, sex (T/M/F), age (ecitizen label), year, value (persons)."""
    raw = pd.read_csv(SOURCE, dtype={"code": str})
    long = raw.melt(id_vars=["code", "sex", "age_group"], value_vars=[f"y{y}" for y in YEARS],
                    var_name="year", value_name="value")
    long["year"] = long["year"].str[1:].astype(int)
    return long.rename(columns={"code": "area_code", "age_group": "age"})


def age_label(age: str) -> str:
    """The e-Stat label of an ecitizen age group: 0-4 -> 0～4歳, 90+ -> 90歳以上."""
    if age == "total":
        return "総数"
    if age == "unknown":
        return "年齢不詳"
    if age.endswith("+"):
        return f"{age[:-1]}歳以上"
    low, high = age.split("-")
    return f"{low}～{high}歳"


def estat_rows(style: str = "api") -> list[list[str]]:
    """Data rows in e-Stat's column order; totals of sex are M + F (e-Stat's own sums)."""
    cells = census_cells()
    cells = cells[cells["sex"] != "T"]
    both = cells.groupby(["area_code", "age", "year"], as_index=False)["value"].sum()
    cells = pd.concat([both.assign(sex="T"), cells], ignore_index=True)
    rows = []
    for area, name in AREAS.items():
        for year in YEARS:
            for sex, (sex_code, sex_label) in SEXES.items():
                part = cells[(cells["area_code"] == area) & (cells["year"] == year)
                             & (cells["sex"] == sex)].set_index("age")["value"]
                order = ["total", *[a for a in part.index if a not in ("total", "unknown")],
                         "unknown"]
                items = [(age_label(a), f"{part[a]}") for a in order]
                under15 = part[["0-4", "5-9", "10-14"]].sum()
                items.insert(1, ("（再掲）15歳未満", f"{under15}"))
                over65 = part[["65-69", "70-74", "75-79", "80-84", "85-89", "90+"]].sum()
                items.append(("（再掲）65歳以上", "X" if area == "40212" else f"{over65}"))
                for i, (label, value) in enumerate(items):
                    if area == "40212" and year == 2010 and sex == "T" and label == "総数":
                        value = "***"
                    rows.append(_row(style, area, name, year, sex_code, sex_label, i, label,
                                     value))
    return rows


def _row(style: str, area: str, name: str, year: int, sex_code: str, sex_label: str,
         index: int, label: str, value: str) -> list[str]:
    if style == "api":
        return ["020", "人口", sex_code, sex_label, f"{index:03d}", label, area, name,
                f"{year}000000", f"{year}年", "人", value]
    return ["020", "人口", sex_code, sex_label, f"{index:03d}", label, f"{area}_{name}",
            f"{year}000000", f"{year}年", "人", value]


def write_estat(path: Path, style: str = "api", encoding: str = "utf-8-sig",
                rows: list[list[str]] | None = None) -> Path:
    """The API CSV (``api``) or the database download (``db``) of the two cities."""
    meta, header = (API_META, API_HEADER) if style == "api" else (DB_META, DB_HEADER)
    body = estat_rows(style) if rows is None else rows
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL).writerows([*meta, header, *body])
    return path


def header_line(style: str = "api") -> int:
    """Row number (as users see it) of the header row."""
    return len(API_META if style == "api" else DB_META) + 1
