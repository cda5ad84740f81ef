"""Printing tables in Japanese conventions: △ negatives, separators, shares as %."""

from __future__ import annotations

import pandas as pd
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sousei.japanese import format_number, format_percent


def print_simulation_table(
    console: Console, title: str, frame: pd.DataFrame, share_rows: set[str]
) -> None:
    """Rows (シナリオ or 推計, 指標) x years; a year without a figure (NaN) shows —."""
    table = Table(title=title, title_justify="left", show_lines=False)
    for name in frame.index.names:
        table.add_column(str(name))
    for year in frame.columns:
        table.add_column(str(year), justify="right")
    previous = None
    for (scenario, indicator), row in frame.iterrows():
        number = (lambda v: format_percent(100 * v)) if indicator in share_rows else format_number
        cells = ["—" if pd.isna(v) else number(v) for v in row]
        table.add_row(scenario if scenario != previous else "", indicator, *cells)
        previous = scenario
    console.print(table)


def print_summary(console: Console, frame: pd.DataFrame) -> None:
    table = Table(title="推計結果一覧", title_justify="left")
    for column in frame.columns:
        table.add_column(
            str(column), justify="left" if column in ("地域コード", "地域名") else "right"
        )
    for row in frame.itertuples(index=False):
        cells = []
        for column, value in zip(frame.columns, row, strict=True):
            if isinstance(value, str):
                cells.append(value)
            elif "率" in column:
                cells.append(format_percent(100 * value))
            else:
                cells.append(format_number(value))
        table.add_row(*cells)
    console.print(table)


def batch_progress(console: Console, enabled: bool) -> Progress:
    """The progress bar of batch runs (--prefecture, --all); silent for a single area."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not enabled,
        transient=True,
    )
