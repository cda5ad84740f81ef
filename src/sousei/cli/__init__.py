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


app.command("serve")(serve)


def main() -> None:
    app()
