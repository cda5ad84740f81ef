"""Japanese help that wraps: typer's rich help, with each option's help folded onto more lines
instead of cut with "…" (typer lays an option's help out as rich ``Columns``, which cut a line
of Japanese, having no spaces to break at), and the --help option itself said in Japanese.

Every command and group of ``sousei`` uses these classes (``cls=`` in cli/__init__.py). typer's
rich help module (with rich's Markdown, ~50 ms) is imported only when a help page is shown, not
by every ``sousei project`` run."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from typer.core import TyperCommand, TyperGroup

HELP_OPTION_TEXT = "このヘルプを表示して終了します"
WORDS = {  # typer's English words of a help page, read by its functions at call time
    "DEFAULT_STRING": "[既定: {}]", "REQUIRED_LONG_STRING": "[必須]",
    "ARGUMENTS_PANEL_TITLE": "引数", "OPTIONS_PANEL_TITLE": "オプション",
    "COMMANDS_PANEL_TITLE": "コマンド", "ERRORS_PANEL_TITLE": "エラー",
}


@contextmanager
def _folding() -> Iterator[None]:
    from rich.console import Group
    from rich.text import Text
    from typer import rich_utils

    typer_parameter_help = rich_utils._get_parameter_help
    typer_command_help = rich_utils._make_command_help

    def folded_parameter_help(**kwargs: Any) -> Group:
        columns = typer_parameter_help(**kwargs)
        items = []
        for item in columns.renderables:
            if isinstance(item, Text):
                item = item.copy()
                item.overflow = "fold"
            items.append(item)
        return Group(*items)

    def folded_command_help(**kwargs: Any) -> Any:
        text = typer_command_help(**kwargs)
        if isinstance(text, Text):
            text.overflow = "fold"
        return text

    saved = {name: getattr(rich_utils, name) for name in WORDS}
    for name, word in WORDS.items():
        setattr(rich_utils, name, word)
    rich_utils._get_parameter_help = folded_parameter_help
    rich_utils._make_command_help = folded_command_help
    try:
        yield
    finally:
        rich_utils._get_parameter_help = typer_parameter_help
        rich_utils._make_command_help = typer_command_help
        for name, word in saved.items():
            setattr(rich_utils, name, word)


class _Japanese:
    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        with _folding():
            super().format_help(ctx, formatter)  # type: ignore[misc]


class JapaneseCommand(_Japanese, TyperCommand):
    """A command whose help folds and whose --help is explained in Japanese."""


class JapaneseGroup(_Japanese, TyperGroup):
    """A command group (``sousei``, ``sousei report``) with the same help."""
