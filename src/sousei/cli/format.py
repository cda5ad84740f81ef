"""Printing tables in Japanese conventions: △ negatives, separators, shares as %.

Each column or row is printed by the kind of quantity its table says it holds
(:class:`~sousei.japanese.Quantity`), never by the words of its title.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sousei.japanese import Quantity, format_quantity


def print_simulation_table(
    console: Console, title: str, frame: pd.DataFrame, kinds: Sequence[Quantity]
) -> None:
    """Rows (シナリオ or 推計, 指標) x years, each formatted by its kind (``kinds``, one per
    row); a year without a figure (NaN) shows —."""
    table = Table(title=title, title_justify="left", show_lines=False)
    for name in frame.index.names:
        table.add_column(str(name))
    for year in frame.columns:
        table.add_column(str(year), justify="right")
    previous = None
    for ((scenario, indicator), row), kind in zip(frame.iterrows(), kinds, strict=True):
        cells = ["—" if pd.isna(v) else format_quantity(v, kind) for v in row]
        table.add_row(scenario if scenario != previous else "", indicator, *cells)
        previous = scenario
    console.print(table)


def print_summary(console: Console, frame: pd.DataFrame, kinds: Mapping[str, Quantity]) -> None:
    """The one-row-per-area summary; ``kinds`` gives every column's kind."""
    table = Table(title="推計結果一覧", title_justify="left")
    columns = [(column, kinds[column]) for column in frame.columns]
    for column, kind in columns:
        table.add_column(str(column), justify="left" if kind is Quantity.TEXT else "right")
    for row in frame.itertuples(index=False):
        table.add_row(*(format_quantity(value, kind)
                        for value, (_, kind) in zip(row, columns, strict=True)))
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
