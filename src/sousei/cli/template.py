"""`sousei template`: a department's entry sheet for its KPIs' actuals."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sousei.cli.common import INPUT_REFUSED, USAGE, fail, require_files
from sousei.io.errors import InputError, WorkbookError
from sousei.io.strategy.entry_template import write_entry_template
from sousei.io.strategy.progress import read_progress_workbook


def template_command(
    workbook: Annotated[Path, typer.Argument(help="事業一覧の Excel ファイル (.xlsx)")],
    department: Annotated[str, typer.Option(help="担当課 (例: 産業振興課)")],
    out: Annotated[Path | None, typer.Option(
        help="書き出す Excel ファイル (省略すると今いるフォルダの <担当課>_実績値入力.xlsx)")] = None,
) -> None:
    """担当課ごとの実績値入力シート(入力規則つき)を書き出します。"""
    try:
        require_files(workbook)
        strategy = read_progress_workbook(workbook).strategy
        target = out or Path(f"{department}_実績値入力.xlsx")
        written = write_entry_template(strategy, department, target)
    except (WorkbookError, InputError) as exc:
        raise fail(str(exc), INPUT_REFUSED) from None
    except ValueError as exc:
        raise fail(str(exc), USAGE) from None
    typer.echo(f"入力シートを書き出しました: {written}")
