"""What every command shares: Japanese help that wraps, one exit-code convention, clear
missing-file errors, and no file written unless --out says where."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from sousei.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


def _every_command() -> list[list[str]]:
    root = typer.main.get_command(app)
    paths: list[list[str]] = [[]]
    for name, command in root.commands.items():
        sub = getattr(command, "commands", None)
        paths += [[name, inner] for inner in sub] if sub else [[name]]
        if sub:
            paths.append([name])
    return paths


def _flat(text: str) -> str:
    """The help as read, with the table borders and the folding undone."""
    return "".join(text.replace("│", "").split())


@pytest.mark.parametrize("command", _every_command(), ids=" ".join)
def test_help_is_japanese_and_never_cut_at_80_columns(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "80"}, terminal_width=80)
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80
    assert "このヘルプを表示して終了します" in _flat(result.output)
    assert "Show this message" not in result.output and "…" not in result.output
    assert "[default:" not in result.output


def test_root_help_states_the_exit_codes() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "80"}, terminal_width=80)
    assert "0正常終了" in _flat(result.output) and "1入力ファイルを読み込めない" in _flat(result.output)


@pytest.mark.parametrize("args", [
    ["evaluate", "ない.xlsx"],
    ["template", "ない.xlsx", "--department", "産業振興課"],
    ["report", "kpi", "ない.xlsx", "--out", "out"],
    ["project", "--population", "ない.csv"],
    ["project", "--area", "久留米市", "-s", "ない.toml"],
    ["report", "vision", "--area", "久留米市", "--vital", "ない.csv", "--out", "out"],
])
def test_a_missing_file_is_input_refused_with_its_name(args: list[str], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "ない." in result.output and "ファイルが見つかりません" in result.output
    assert "シート「-」" not in result.output and "0行目" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [
    ["evaluate", str(EXAMPLES / "事業一覧.xlsx"), "--scheme", "存在しない方式"],
    ["evaluate", str(EXAMPLES / "事業一覧.xlsx"), "--as-of", "明日"],
    ["report", "kpi", str(EXAMPLES / "事業一覧.xlsx"), "--out", "o", "--scheme", "x"],
    ["project", "--area", "存在しない市"],
    ["project", "--area", "40203", "--to", "2047"],
    ["project", "--no-such-option"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output


def test_evaluate_writes_nothing_beside_the_input_without_out(tmp_path: Path) -> None:
    source = shutil.copy(EXAMPLES / "事業一覧.xlsx", tmp_path / "事業一覧.xlsx")
    result = runner.invoke(app, ["evaluate", str(source), "--as-of", "R7"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["事業一覧.xlsx"]
    out = tmp_path / "評価結果.xlsx"
    assert runner.invoke(app, ["evaluate", str(source), "--out", str(out)]).exit_code == 0
    assert out.is_file()


def test_an_old_scenario_key_is_run_with_a_note(tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    old.write_text('name = "旧"\n[[migration]]\nages = "10-29"\nchange_points = 0.5\n',
                   encoding="utf-8")
    result = runner.invoke(app, ["project", "--area", "40203", "--to", "2025", "-s", str(old)])
    assert result.exit_code == 0, result.output
    assert "注意:" in result.output and "change_points_per_year" in result.output
