"""Benchmark: reading a national e-Stat census table (every municipality, 2010 and 2015).

Writes the shipped census as e-Stat's API CSV (metadata rows, then one row per area x sex x
age x year, with 総数 and 年齢不詳 rows) into a temporary folder and times
``read_population`` on it, best of N. Results go to docs/performance.md.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from sousei.io.population.read import read_population
from sousei.io.reference import shipped

HEADER = ["tab_code", "表章項目", "cat01_code", "男女", "cat02_code", "年齢", "area_code", "地域",
          "time_code", "時間軸(年次)", "unit", "value"]
SEXES = {"M": ("001", "男"), "F": ("002", "女")}


def _rows() -> pd.DataFrame:
    """M and F by age group, 年齢不詳 and 総数 rows of the shipped census, 2010 and 2015."""
    tables = shipped.census_municipal()
    population = tables.population[tables.population["year"].isin([2010, 2015])]
    ages = population.assign(age=[f"{a}歳以上" if pd.isna(s) else f"{a}～{a + s - 1}歳"
                                  for a, s in zip(population["age_start"],
                                                  population["age_span"], strict=True)])
    unknown = tables.age_unknown[tables.age_unknown["year"].isin([2010, 2015])]
    unknown = unknown.assign(age="年齢不詳")
    keys = ["area_code", "sex", "year"]
    both = pd.concat([ages, unknown])
    total = both.groupby(keys, as_index=False)["value"].sum().assign(age="総数")
    return pd.concat([total, both[[*keys, "age", "value"]]], ignore_index=True)


def main(repeats: int = 3) -> None:
    rows = _rows()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "estat.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
            writer.writerows([["VALUE"], HEADER])
            writer.writerows(
                ["020", "人口", *SEXES[r.sex], "", r.age, r.area_code, "", f"{r.year}000000",
                 f"{r.year}年", "人", f"{r.value:.0f}"] for r in rows.itertuples(index=False))
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            frame = read_population(path)
            times.append(time.perf_counter() - start)
        size = path.stat().st_size / 1e6
    print(f"{len(rows):,} rows ({size:.0f} MB) -> {len(frame):,} long rows, "
          f"{frame['area_code'].nunique():,} areas: best {min(times):.1f} s, "
          f"median {sorted(times)[len(times) // 2]:.1f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
