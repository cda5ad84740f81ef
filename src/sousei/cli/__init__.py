"""`sousei` command line: thin wrappers over the library, one module per command group."""

from __future__ import annotations

import typer

from sousei import __version__
from sousei.cli.common import EXIT_CODES_HELP
from sousei.cli.help import JapaneseCommand, JapaneseGroup
from sousei.cli.serve import serve

app = typer.Typer(
    name="sousei",
    help=f"sousei (創生): 人口ビジョンと総合戦略のためのツール\n\n{EXIT_CODES_HELP}",
    no_args_is_help=True,
    add_completion=False,
    cls=JapaneseGroup,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sousei {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="バージョンを表示して終了"
    ),
) -> None:
    """sousei (創生): 人口ビジョンと総合戦略のためのツール"""


from sousei.cli import project as _project  # noqa: E402 - commands register after the app

app.command("project", cls=JapaneseCommand)(_project.project)
app.command("serve", cls=JapaneseCommand)(serve)

from sousei.cli.compare import compare as _compare  # noqa: E402

app.command("compare", cls=JapaneseCommand)(_compare)


def main() -> None:
    app()


# One line per command group; each lives in its own module.
from sousei.cli import evaluate, template  # noqa: E402

app.command("evaluate", cls=JapaneseCommand)(evaluate.evaluate_command)
app.command("template", cls=JapaneseCommand)(template.template_command)
from sousei.cli import report  # noqa: E402

app.add_typer(report.app, name="report")
from sousei.cli import backtest  # noqa: E402

app.command("backtest", cls=JapaneseCommand)(backtest.backtest)
