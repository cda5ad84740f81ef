"""`sousei project --intervals`: the 80% and 95% prediction intervals of the total population."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from rich.console import Console

from sousei.cli.format import print_simulation_table
from sousei.japanese.quantity import Quantity
from sousei.vision.interval_tables import interval_frame, interval_table

NOTE = (
    "予測区間は 1995～2010年の国勢調査を基準とした全市区町村の過去の推計誤差 (人口規模・"
    "推計年数別) から求めています。80%予測区間には過去の実績の8割が入りました。"
)


def interval_report(
    console: Console, results: list, batch: bool, out: Path | None, combined: bool
) -> dict[str, pd.DataFrame]:
    """Print the interval table (one area or the sum), write the CSV beside ``out``, and return
    the tables for the workbook (one sheet per area)."""
    tables: dict[str, pd.DataFrame] = {}
    if combined:
        ((base, run),) = results
        tables[f"予測区間 合計({len(base.regions)}地域)"] = interval_table(run, None)
    if not batch or combined or (out is not None and out.suffix.lower() == ".xlsx"):
        for base, run in results:
            for i, code in enumerate(run.total.regions):
                tables[f"予測区間 {base.names[i]}({code})"] = interval_table(run, i)
    if not batch or combined:
        title, table = next(iter(tables.items()))
        print_simulation_table(console, title, table, [Quantity.PERSONS] * len(table))
        console.print(NOTE)
    if out is not None and out.suffix.lower() == ".csv":
        path = out.with_name(f"{out.stem}_intervals.csv")
        frame = pd.concat([interval_frame(run) for _, run in results], ignore_index=True)
        frame.to_csv(path, index=False, encoding="utf-8")
        console.print(f"{path} に予測区間を書き出しました")
    return tables
