"""`sousei backtest`: how well the projection method did from past census bases."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from sousei.io.reference.codes import AreaCodeError
from sousei.japanese import format_number, format_percent
from sousei.vision.areas import data_codes
from sousei.vision.backtest import area_errors, backtest_errors, summarise

SUMMARY_COLUMNS = {
    "horizon": "推計年数",
    "size_class": "人口規模 (基準年)",
    "municipalities": "団体数",
    "median": "誤差 中央値",
    "mean": "誤差 平均",
    "p90": "誤差 90%点",
    "naive_median": "単純延長 中央値",
    "naive_mean": "単純延長 平均",
    "better_than_naive": "単純延長より良い割合",
}


def _fail(message: str) -> typer.Exit:
    Console(stderr=True).print(f"[bold red]エラー:[/] {message}")
    return typer.Exit(code=2)


def _signed(value: float) -> str:
    return "—" if pd.isna(value) else format_percent(value)


def print_area(console: Console, rows: pd.DataFrame) -> None:
    """One municipality's hindcasts, one line per base and target year."""
    first = rows.iloc[0]
    table = Table(
        title=f"{first['name']}({first['area_code']}) 過去の国勢調査からの推計と実績",
        title_justify="left",
    )
    for label in ("基準年", "推計年", "推計人口", "国勢調査", "誤差率", "単純延長", "単純延長の誤差率"):
        table.add_column(label, justify="right")
    for row in rows.itertuples():
        table.add_row(
            str(row.base_year), str(row.target_year),
            "—" if pd.isna(row.projected) else format_number(row.projected),
            format_number(row.observed),
            _signed(row.error_pct),
            "—" if pd.isna(row.naive) else format_number(row.naive),
            _signed(row.naive_error_pct),
        )
    console.print(table)


def print_summary(console: Console, title: str, summary: pd.DataFrame) -> None:
    """Absolute errors by horizon and size class, with the naive extrapolation's beside."""
    table = Table(title=title, title_justify="left")
    for column, label in SUMMARY_COLUMNS.items():
        table.add_column(label, justify="left" if column == "size_class" else "right")
    for row in summary.itertuples(index=False):
        cells = []
        for column in SUMMARY_COLUMNS:
            value = getattr(row, column)
            if column == "better_than_naive":
                cells.append(format_percent(100 * value))
            elif column in ("median", "mean", "p90", "naive_median", "naive_mean"):
                cells.append(_signed(value))
            elif column == "horizon":
                cells.append(f"{value}年")
            else:
                cells.append(str(value) if isinstance(value, str) else format_number(value))
        table.add_row(*cells)
    console.print(table)


def backtest(
    area: list[str] = typer.Option([], "--area", "-a", help="市区町村のコードまたは名称。複数指定可"),
    prefecture: str | None = typer.Option(
        None, "--prefecture", "-p", help="都道府県コード(例 40)または名称の全市区町村"
    ),
    every: bool = typer.Option(False, "--all", help="全市区町村"),
    with_fukushima: bool = typer.Option(
        False, "--with-fukushima", help="集計に福島県を含める (既定は原発事故の避難のため除外)"
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="市区町村ごとの誤差を CSV に書き出す"),
) -> None:
    """過去の国勢調査 (1995～2010年) を基準年に推計し、2015年までの国勢調査と比べます。

    基準年の推計には基準年以前のデータだけを使います。前の5年間の増減率をそのまま延ばす
    単純延長とも比べます。
    """
    console = Console() if Console().is_terminal else Console(width=200)
    try:
        codes = data_codes(area, prefecture, every)
    except AreaCodeError as error:
        raise _fail(str(error).strip("'\"")) from None
    rows = backtest_errors() if every else area_errors(codes)
    if len(codes) <= 3:
        for code in codes:
            print_area(console, rows[rows["area_code"] == code])
    scope = "全市区町村" if every else f"{len(codes)}団体"
    note = "" if with_fukushima else " (福島県を除く)"
    if len(codes) > 1:
        print_summary(console, f"推計誤差 (絶対値) {scope}{note}",
                      summarise(rows, exclude_fukushima=not with_fukushima))
    else:
        own = rows.iloc[0]["size_class"]
        by_class = summarise(backtest_errors())
        print_summary(console, f"同じ人口規模 ({own}) の全市区町村 (福島県を除く)",
                      by_class[by_class["size_class"] == own])
    if out is not None:
        rows.to_csv(out, index=False, encoding="utf-8")
        console.print(f"{out} に書き出しました")
