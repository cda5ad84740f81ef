"""`sousei evaluate`: grade a progress workbook, print the per-goal summary, write the result."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from sousei.cli.common import INPUT_REFUSED, USAGE, fail, require_files
from sousei.io.errors import InputError, WorkbookError
from sousei.io.strategy.progress import read_progress_workbook, write_progress_workbook
from sousei.japanese import EraError, format_fiscal_year, parse_fiscal_year
from sousei.strategy import GradingScheme, StrategyEvaluation, evaluate_strategy, get_scheme
from sousei.strategy.grading import scheme_from_mapping


def _table(result: StrategyEvaluation) -> Table:
    symbols = result.scheme.symbols
    table = Table(title=f"基本目標達成状況({format_fiscal_year(result.as_of)}時点)")
    table.add_column("基本目標")
    table.add_column("KPI数", justify="right")
    for symbol in symbols:
        table.add_column(symbol, justify="right")
    table.add_column(result.scheme.pending_label, justify="right")
    for symbol in symbols:
        table.add_column(f"{symbol}割合", justify="right")
    for summary in (*result.goals, result.total):
        shares = [f"{summary.shares[s]}%" if s in summary.shares else "—" for s in symbols]
        table.add_row(
            summary.name,
            str(summary.kpi_count),
            *(str(summary.counts[s]) for s in symbols),
            str(summary.pending),
            *shares,
        )
    return table


def _load_scheme(name: str) -> GradingScheme:
    """A built-in scheme by name, or a city's own from a JSON file (see scheme_from_mapping)."""
    if name.endswith(".json"):
        path = Path(name)
        try:
            return scheme_from_mapping(json.loads(path.read_text(encoding="utf-8")))
        except KeyError as exc:
            raise ValueError(f"{path.name}: 評価方式に項目 {exc} がありません") from None
    return get_scheme(name)


def evaluate_command(
    workbook: Annotated[Path, typer.Argument(help="事業一覧の Excel ファイル (.xlsx)")],
    scheme: Annotated[
        str, typer.Option(help="評価方式 (standard, standard-prorated, a-e, sabc) か JSON ファイル")
    ] = "standard",
    as_of: Annotated[str | None, typer.Option(help="評価する年度 (例: R7, 2025)")] = None,
    out: Annotated[Path | None, typer.Option(
        help="評価結果 (達成率・評価・達成状況のシート) を書き出す Excel ファイル。"
        "省略するとファイルは書かず、集計を画面に表示するだけです")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="集計を JSON で出力")] = False,
) -> None:
    """KPIを評価して基本目標ごとの○△×の集計を表示します (--out で評価結果のExcelも)。

    集計は画面 (標準出力)、推定した項目の一覧は標準エラーに出します。
    """
    err = Console(stderr=True)
    try:
        require_files(workbook)
        imported = read_progress_workbook(workbook)
    except (WorkbookError, InputError) as exc:
        raise fail(str(exc), INPUT_REFUSED) from None
    try:
        grading = _load_scheme(scheme)
        fiscal_year = parse_fiscal_year(as_of) if as_of else None
        result = evaluate_strategy(imported.strategy, grading, fiscal_year)
    except (ValueError, EraError, KeyError, OSError) as exc:
        raise fail(str(exc), USAGE) from None
    target = out
    if target is not None:
        write_progress_workbook(imported.strategy, target, result)
    if imported.readings:
        err.print("読み取りの解釈(表の記入をこう読みました):", markup=False)
    for line in imported.readings:
        err.print(f"  {line}", markup=False, soft_wrap=True)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    console = Console(width=160)
    console.print(_table(result))
    if imported.inferred:
        err.print("推定した項目(「方向」「集計」の列に書けば推定しません):", markup=False)
    for line in imported.inferred:
        err.print(f"  {line}", markup=False, soft_wrap=True)
    differences = imported.grade_differences(result)
    if differences:
        err.print("表に記入済みの評価と算定結果が異なるKPI:", markup=False)
    for line in differences:
        err.print(f"  {line}", markup=False, soft_wrap=True)
    if target is not None:
        console.print(f"評価結果を書き出しました: {target}", markup=False)
