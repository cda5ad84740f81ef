"""The README is true: its command list is the real one, and every command it shows runs as
written, from a fresh folder holding the repository's examples/ (style habit: a README that
cannot drift)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from sousei.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SLOW = (("--all",), ("report", "vision", "--prefecture"))  # every municipality / a whole prefecture
CHROMIUM = Path("/usr/bin/chromium")


def _commands() -> dict[str, str]:
    group = typer.main.get_command(app)
    return {
        name: (command.help or "").strip().splitlines()[0]
        for name, command in group.commands.items()
    }


def readme_commands() -> list[list[str]]:
    """Every `sousei ...` line of the README's sh blocks, split as a shell splits it."""
    text = README.read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if words and words[0] == "sousei" and words[1] != "serve":
                lines.append(words[1:])
    return lines


def _slow(args: list[str]) -> bool:
    return any(all(word in args for word in pattern) for pattern in SLOW)


def _cases() -> list:
    return [pytest.param(args, id=" ".join(args)[:60],
                         marks=[pytest.mark.slow] if _slow(args) else [])
            for args in readme_commands()]


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


def test_every_input_the_readme_names_is_shipped_in_examples() -> None:
    named = {w for args in readme_commands() for w in args if w.startswith("examples/")}
    assert named and all((ROOT / path).is_file() for path in named), named
    assert len(readme_commands()) >= 17


@pytest.mark.parametrize("args", _cases())
def test_the_readme_command_runs_as_written(args: list[str], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    if args[0] == "report" and "--no-pdf" not in args and not CHROMIUM.exists():
        pytest.skip("PDF needs Debian's chromium (/usr/bin/chromium)")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    if "--out" in args:
        out = tmp_path / args[args.index("--out") + 1]
        assert out.exists() and (out.is_file() or any(out.iterdir())), out
    before = {p.relative_to(tmp_path) for p in (tmp_path / "examples").rglob("*")}
    assert before == {p.relative_to(ROOT) for p in (ROOT / "examples").rglob("*")}
