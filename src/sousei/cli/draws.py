"""`sousei project --draws N`: probabilistic runs, chunked over regions with Dask."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.table import Table

from sousei.japanese import format_number

STATISTICS = {"mean": "平均", "q025": "2.5%点", "q100": "10%点", "q500": "中央値",
              "q900": "90%点", "q975": "97.5%点"}


def print_draws(console: Console, title: str, frame: pd.DataFrame) -> None:
    """One area's draws: statistics x years of the total population."""
    table = Table(title=title, title_justify="left")
    table.add_column("総人口")
    for year in frame["year"]:
        table.add_column(str(year), justify="right")
    for column, label in STATISTICS.items():
        table.add_row(label, *(format_number(v) for v in frame[column]))
    console.print(table)


def draw_report(
    console: Console, regions: tuple[str, ...], base_year: int, to_year: int, draws: int,
    seed: int, scheduler: str | None, migration_periods: int | None, out: Path | None,
    batch: bool,
) -> pd.DataFrame:
    """Run the draws (Dask imported only now), print one area's table, write the CSV."""
    from sousei.vision.draws import DrawRequest, draws_frame, draws_with_dask

    request = DrawRequest(regions, base_year, to_year, draws, seed, migration_periods)
    with console.status(f"確率的推計中 ({len(regions)}地域 x {draws}回)"):
        frame = draws_frame(request, draws_with_dask(request, scheduler))
    if not batch:
        print_draws(console, f"確率的推計 ({draws}回, 乱数の種 {seed})", frame)
    if out is not None:
        path = out.with_name(f"{out.stem}_draws.csv")
        frame.to_csv(path, index=False, encoding="utf-8")
        console.print(f"{path} に確率的推計を書き出しました")
    return frame
