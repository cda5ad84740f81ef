"""`sousei template`: a department's entry sheet for its KPIs' actuals."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from sousei.io.errors import WorkbookError
from sousei.io.strategy.entry_template import write_entry_template
from sousei.io.strategy.progress import read_progress_workbook


def template_command(
    workbook: Annotated[Path, typer.Argument(help="事業一覧の Excel ファイル (.xlsx)")],
    department: Annotated[str, typer.Option(help="担当課 (例: 産業振興課)")],
    out: Annotated[Path | None, typer.Option(help="書き出す Excel ファイル")] = None,
) -> None:
    """担当課ごとの実績値入力シート(入力規則つき)を書き出します。"""
    err = Console(stderr=True)
    try:
        strategy = read_progress_workbook(workbook).strategy
        target = out or Path(f"{department}_実績値入力.xlsx")
        written = write_entry_template(strategy, department, target)
    except WorkbookError as exc:
        err.print(str(exc), markup=False)
        raise typer.Exit(1) from None
    except ValueError as exc:
        err.print(str(exc), markup=False)
        raise typer.Exit(2) from None
    typer.echo(f"入力シートを書き出しました: {written}")
