"""`sousei` command line: thin wrappers over the library, one module per command group."""

from __future__ import annotations

import typer

from sousei import __version__
from sousei.cli.serve import serve

app = typer.Typer(
    name="sousei",
    help="sousei (創生): 人口ビジョンと総合戦略のためのツール",
    no_args_is_help=True,
    add_completion=False,
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

app.command("project")(_project.project)
app.command("serve")(serve)


def main() -> None:
    app()


# One line per command group; each lives in its own module.
from sousei.cli import evaluate, template  # noqa: E402

app.command("evaluate")(evaluate.evaluate_command)
app.command("template")(template.template_command)
from sousei.cli import report  # noqa: E402

app.add_typer(report.app, name="report")
from sousei.cli import backtest  # noqa: E402

app.command("backtest")(backtest.backtest)
