"""Write docs/accuracy-juki.md: a 2016 -> 2021 hindcast of every municipality from 住基 alone.

Base: the shipped 1 January 2016 tables (1608nsnen 日本人 + 1612gsnen 外国人); rates from the 2015
census (no 住基 age table of 2011 is shipped, so no 2011-2016 住基 migration); foreigners by
cohort change from 1312gsnen (2013-03-31). Compared with the published 1 January 2021 total
(2104ssnen, not read by the projection) and with the naive growth extrapolation: the
2013-03-31 -> 2016-01-01 growth of each area's total (1304ssnen) carried on for five years.
Run: `make accuracy-juki` (about half a minute).
"""

from __future__ import annotations

import platform
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from sousei.io.population.juki_soumu import municipal_codes, read_juki_ages
from sousei.io.reference.shipped import juki_file
from sousei.vision.juki_base import load_juki_base
from sousei.vision.juki_projection import prepare, project_juki
from sousei.vision.run import ProjectionRequest

OUT = Path(__file__).resolve().parents[1] / "docs" / "accuracy-juki.md"


def printed_totals(name: str) -> tuple[pd.Series, date]:
    table = read_juki_ages(juki_file(name))
    totals = table.published_totals.query("sex == 'T'").set_index("area_code")["value"]
    return totals, table.reference_date


def projected() -> tuple[pd.Series, pd.Series, int]:
    base = load_juki_base([Path("1608nsnen.xls"), Path("1612gsnen.xls")])
    codes = municipal_codes(base.main.areas)
    results, skipped = project_juki(prepare(base), codes, ProjectionRequest(tuple(codes),
                                                                            2016, 2021))
    start, end = {}, {}
    for _, run in results:
        totals = run.total.population[0].sum(axis=(-2, -1))  # (step, region)
        for i, code in enumerate(run.total.regions):
            start[code], end[code] = totals[0, i], totals[1, i]
    return pd.Series(start), pd.Series(end), len(skipped)


def errors(estimate: pd.Series, actual: pd.Series) -> pd.Series:
    return (estimate / actual - 1.0) * 100.0


def band(frame: pd.DataFrame, label: str) -> str:
    cohort, naive = frame["cohort"].abs(), frame["naive"].abs()
    return (f"| {label} | {len(frame):,} | {cohort.mean():.2f} | {cohort.median():.2f} | "
            f"{naive.mean():.2f} | {naive.median():.2f} | {(cohort < naive).mean() * 100:.0f}% |")


def main() -> None:
    start, end, skipped = projected()
    actual, _ = printed_totals("2104ssnen.xlsx")
    early, early_date = printed_totals("1304ssnen.xls")
    span = (date(2016, 1, 1) - early_date).days / 365.25
    shared = start.index.intersection(actual.index).intersection(early.index)
    shared = shared[(early[shared] > 0) & (actual[shared] > 0)]
    naive = start[shared] * (start[shared] / early[shared]) ** (5 / span)
    frame = pd.DataFrame({"size": start[shared],
                          "cohort": errors(end[shared], actual[shared]),
                          "naive": errors(naive, actual[shared])})
    bands = [("全市区町村", frame),
             ("人口 1万人未満", frame[frame["size"] < 10_000]),
             ("1万～10万人", frame[(frame["size"] >= 10_000) & (frame["size"] < 100_000)]),
             ("10万人以上", frame[frame["size"] >= 100_000])]
    lines = [
        "# 住基だけからの 2016 → 2021 後ろ向き推計 (hindcast)",
        "",
        "`make accuracy-juki` (scripts/juki_hindcast.py) が書き出します。手で編集しないでください。",
        "",
        "- 基準: 同梱の 2016年1月1日の住基の表 (1608nsnen 日本人 + 1612gsnen 外国人)。日本人は"
        " 2015年国勢調査から推定した率のコーホート要因法 (2011年の住基の年齢別の表は同梱がないため"
        " 住基の純移動率は使えません)、外国人は 1312gsnen (2013-03-31) からのコーホート変化率法。",
        "- 実績: 2021年1月1日の総計の表 (2104ssnen) の総数。推計には使っていません。",
        f"- 単純な伸び率の延長: 2013-03-31 → 2016-01-01 の総数の伸び ({span:.2f}年) を5年分延ばしたもの。",
        f"- 対象: {len(frame):,} 市区町村 (政令指定都市は市全体)。推計できなかった地域 {skipped}。",
        "- 誤差は (推計 / 実績 - 1) × 100 (%)。",
        "",
        "| 区分 | 地域数 | コーホート 平均絶対誤差 % | 中央値 % | 単純延長 平均絶対誤差 % | 中央値 % |"
        " コーホートの方が近い割合 |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *[band(part, label) for label, part in bands if len(part)],
        "",
        "コーホートの誤差が最も大きい地域: " + "、".join(
            f"{code} {frame.at[code, 'cohort']:+.1f}%"
            for code in frame["cohort"].abs().sort_values(ascending=False).index[:8]) + "。",
        "",
        f"全国合計: コーホート {end[shared].sum():,.0f} 人、単純延長 {naive.sum():,.0f} 人、"
        f"実績 {actual[shared].sum():,.0f} 人。",
        "",
        f"環境: Python {sys.version.split()[0]}, {platform.machine()}, numpy {np.__version__}。",
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{OUT} を書き出しました")


if __name__ == "__main__":
    main()
