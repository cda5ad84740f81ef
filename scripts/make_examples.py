"""Rebuild examples/juki.csv and examples/vital.csv from the 総務省 住民基本台帳 tables.

The examples are committed; this script records how their figures were taken, cell for cell,
from ../shared/data/juki_soumu (総務省「住民基本台帳に基づく人口、人口動態及び世帯数」, CC BY 4.0):
久留米市 (402036), Japanese and foreign residents by sex x 5-year age on 1 January 2015 and 2020
(`1508nsnen`, `1512gsnen`, `2008nsnen`, `2012gsnen`), and births, deaths, in- and out-moves of the
calendar years 2013-2020 (`14..21` `ssjin`). Run: python scripts/make_examples.py [SHARED_DATA_DIR]
"""

from __future__ import annotations

import csv
import sys
import warnings
from pathlib import Path

import pandas as pd

AREA = "402036"
ROOT = Path(__file__).resolve().parents[1]
AGES = [(a, 5) for a in range(0, 100, 5)] + [(100, None)]  # 0～4歳 … 95～99, 100歳以上
SEXES = {"男": "M", "女": "F"}


def _table(path: Path) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pd.read_excel(path, header=None, dtype=str)


def _area_rows(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame[0].astype(str).str.strip() == AREA]


def population_rows(source: Path) -> list[list[object]]:
    rows: list[list[object]] = []
    for year, prefix in ((2015, "15"), (2020, "20")):
        for nationality, table in (("japanese", "08nsnen"), ("foreign", "12gsnen")):
            frame = _area_rows(_table(source / f"{prefix}{table}.xls"))
            for _, line in frame.iterrows():
                sex = SEXES.get(str(line[3]).strip())
                if sex is None:
                    continue
                for (start, span), value in zip(AGES, line[5:26], strict=True):
                    rows.append([AREA, nationality, sex, start, span or "", year, int(value)])
    return rows


def vital_rows(source: Path) -> list[list[object]]:
    rows: list[list[object]] = []
    for year in range(2013, 2021):
        name = f"{year - 1999:02d}03ssjin.xls" + ("x" if year >= 2020 else "")
        frame = _table(source / name)
        header = next(i for i in range(8) if "出生者数" in set(frame.iloc[i].astype(str)))
        labels = list(frame.iloc[header].astype(str))
        (line,) = (r for _, r in _area_rows(frame).iterrows())
        pick = {label: int(line[labels.index(label)]) for label in
                ("出生者数", "死亡者数", "転入者数（計）", "転出者数（計）")}
        rows.append([year, pick["出生者数"], pick["死亡者数"], pick["転入者数（計）"],
                     pick["転出者数（計）"]])
    return rows


def _write(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent.parent / "shared/data/juki_soumu"
    _write(ROOT / "examples/juki.csv", ["地域コード", "国籍", "性別", "年齢", "年齢幅", "年", "人口"],
           population_rows(source))
    _write(ROOT / "examples/vital.csv", ["年", "出生", "死亡", "転入", "転出"], vital_rows(source))


if __name__ == "__main__":
    main()
