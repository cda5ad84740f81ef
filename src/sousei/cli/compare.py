"""`sousei compare`: municipalities side by side on one indicator, sorted, one highlighted."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from sousei.japanese import format_number, format_percent

INDICATOR_HELP = (
    "指標: change_baseline (2020→2050年の人口増減率、基準推計) / change_ipss2018 / "
    "change_ipss2023 / ageing_rate (高齢化率) / foreign_share (外国人住民の割合) / "
    "tfr (合計特殊出生率) / net_migration_young (15～29歳の純移動率)"
)


def _text(value: float, kind: str) -> str:
    if value != value:  # NaN: no figure for this area
        return "—"
    if kind == "percent":
        return format_percent(100 * value)
    if kind == "tfr":
        return f"{value:.2f}"
    return format_number(value)


def compare(
    indicator: str = typer.Option(..., "--indicator", "-i", help=INDICATOR_HELP),
    area: list[str] = typer.Option([], "--area", "-a", help="市区町村のコードまたは名称。複数指定可"),
    prefecture: str | None = typer.Option(None, "--prefecture", "-p",
                                          help="都道府県コード(例 40)または名称の全市区町村"),
    every: bool = typer.Option(False, "--all", help="全市区町村"),
    highlight: str | None = typer.Option(None, "--highlight",
                                         help="強調する市区町村 (コードまたは名称)"),
    out: Path | None = typer.Option(None, "--out", "-o",
                                    help="CSV (UTF-8 BOM 付き) に書き出すファイル"),
) -> None:
    """市区町村を1つの指標で比較し、値の大きい順に並べて表示します。"""
    from sousei.io.reference.codes import AreaCodeError
    from sousei.vision.areas import data_codes
    from sousei.vision.compare import INDICATORS
    from sousei.vision.compare import compare as compare_areas

    try:
        codes = data_codes(area, prefecture, every)
        marked = set(data_codes([highlight])) if highlight else set()
        frame = compare_areas(codes, indicator)
    except (AreaCodeError, ValueError, KeyError) as error:
        Console(stderr=True).print(f"[bold red]エラー:[/] {str(error).strip(chr(39))}")
        raise typer.Exit(code=1) from None
    spec = INDICATORS[indicator]
    console = Console() if Console().is_terminal else Console(width=200)
    table = Table(title=spec.label, title_justify="left", caption=f"出典: {spec.source}",
                  caption_justify="left")
    for name, justify in (("順位", "right"), ("地域コード", "left"), ("地域名", "left"),
                          ("値", "right")):
        table.add_column(name, justify=justify)
    for row in frame.itertuples(index=False):
        rank = "" if pd.isna(row.順位) else str(row.順位)
        cells = [rank, row.地域コード, row.地域名, _text(row.値, spec.kind)]
        if row.地域コード in marked:
            cells[2] = f"▶ {cells[2]}"
        table.add_row(*cells, style="bold reverse" if row.地域コード in marked else None)
    console.print(table)
    if out is not None:
        frame.assign(指標=spec.label).to_csv(out, index=False, encoding="utf-8-sig")
        console.print(f"{out} に書き出しました")
