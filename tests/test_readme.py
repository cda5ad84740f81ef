"""The README's command list is the real one (style habit: a README that cannot drift)."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from sousei.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands() -> dict[str, str]:
    group = typer.main.get_command(app)
    return {
        name: (command.help or "").strip().splitlines()[0]
        for name, command in group.commands.items()
    }


def test_every_command_is_listed_with_its_help_line() -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split("```text", 1)[1].split("```", 1)[0]
    listed = dict(re.findall(r"^sousei (\S+)\s+(.+)$", block, flags=re.MULTILINE))
    assert listed == _commands()


def test_make_targets_named_in_the_readme_exist() -> None:
    text = README.read_text(encoding="utf-8")
    makefile = (README.parent / "Makefile").read_text(encoding="utf-8")
    for target in set(re.findall(r"`make (\w+)`", text)):
        assert re.search(rf"^{target}:", makefile, flags=re.MULTILINE), target
