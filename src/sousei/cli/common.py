"""What every command shares: one exit-code convention, errors on stderr, scenario notes.

Exit codes (said in ``sousei --help``): 0 done; 1 an input was refused (a file missing or
unreadable, a cell or key that cannot be read: the message names file, sheet, row and column);
2 the command line itself is wrong (an unknown option or scheme, a year that is not a year, two
options that must go together). Click's own usage errors are 2 as well.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path

import typer
from rich.console import Console

from sousei.demography.scenarios import Scenario
from sousei.io.errors import InputError
from sousei.io.scenario import ScenarioNote, read_scenario

OK, INPUT_REFUSED, USAGE = 0, 1, 2
EXIT_CODES_HELP = "終了コード: 0 正常終了、1 入力ファイルを読み込めない、2 コマンドの指定の誤り。"


def fail(message: str, code: int = INPUT_REFUSED) -> typer.Exit:
    """Print the error on stderr and return the exit to raise (``raise fail(...) from None``)."""
    Console(stderr=True).print(f"エラー: {message}", markup=False, soft_wrap=True)
    return typer.Exit(code=code)


def message_of(error: Exception) -> str:
    """The user's message of an error (a KeyError's str() adds quotes around it)."""
    if isinstance(error, KeyError) and error.args:
        return str(error.args[0])
    return str(error)


def note(message: str) -> None:
    Console(stderr=True).print(f"注意: {message}", markup=False, soft_wrap=True)


def require_files(*paths: Path | None) -> None:
    """A named input that does not exist is refused before anything is read or written."""
    for path in paths:
        if path is not None and not path.is_file():
            what = "フォルダです (ファイルを指定してください)" if path.is_dir() else "見つかりません"
            raise InputError(f"ファイルが{what}", file=str(path))


def read_scenarios(paths: Iterable[Path]) -> tuple[Scenario, ...]:
    """The scenario files, each deprecation note printed on stderr (the run goes on)."""
    scenarios = []
    for path in paths:
        require_files(path)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ScenarioNote)
            scenarios.append(read_scenario(path))
        for warning in caught:
            if issubclass(warning.category, ScenarioNote):
                note(f"{path}: {warning.message}")
    return tuple(scenarios)
