"""`sousei` command line: thin wrappers over the library, one module per command group.

Commands are registered lazily: ``sousei project ...`` imports the project command's module
only, not the report commands' matplotlib nor the web server (a whole ``sousei project`` run
should take well under a second, see docs/performance.md). ``app`` (all commands, for
``sousei --help`` and tests) is built on first access.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import typer

from sousei import __version__
from sousei.cli.common import EXIT_CODES_HELP
from sousei.cli.help import JapaneseCommand, JapaneseGroup

# name -> (module, attribute, is a group of subcommands); the order is the order of --help.
COMMANDS: dict[str, tuple[str, str, bool]] = {
    "project": ("sousei.cli.project", "project", False),
    "serve": ("sousei.cli.serve", "serve", False),
    "compare": ("sousei.cli.compare", "compare", False),
    "evaluate": ("sousei.cli.evaluate", "evaluate_command", False),
    "template": ("sousei.cli.template", "template_command", False),
    "report": ("sousei.cli.report", "app", True),
    "backtest": ("sousei.cli.backtest", "backtest", False),
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sousei {__version__}")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="バージョンを表示して終了"
    ),
) -> None:
    """sousei (創生): 人口ビジョンと総合戦略のためのツール"""


def build_app(names: tuple[str, ...] | None = None) -> typer.Typer:
    """The command-line app with the named commands (all by default)."""
    built = typer.Typer(
        name="sousei",
        help=f"sousei (創生): 人口ビジョンと総合戦略のためのツール\n\n{EXIT_CODES_HELP}",
        no_args_is_help=True,
        add_completion=False,
        cls=JapaneseGroup,
    )
    built.callback()(_root)
    for name in tuple(COMMANDS) if names is None else names:
        module, attribute, group = COMMANDS[name]
        command = getattr(importlib.import_module(module), attribute)
        if group:
            built.add_typer(command, name=name)
        else:
            built.command(name, cls=JapaneseCommand)(command)
    return built


_full: typer.Typer | None = None


def __getattr__(name: str) -> Any:
    global _full
    if name == "app":
        if _full is None:
            _full = build_app()
        return _full
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    asked = sys.argv[1] if len(sys.argv) > 1 else ""
    # One command's module for a command, none for --version, all for help and mistakes.
    names = (asked,) if asked in COMMANDS else () if asked == "--version" else None
    build_app(names)()
