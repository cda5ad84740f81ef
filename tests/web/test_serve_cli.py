"""`sousei serve` is registered and `python -m sousei.web` is Django's manage.py."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from sousei.cli import app


def test_serve_is_a_sousei_command() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Webアプリを起動する" in result.output
    assert "127.0.0.1" in result.output


def test_module_entry_runs_django_commands(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sousei.web", "showmigrations", "strategies"],
        env={"SOUSEI_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "0001_initial" in result.stdout
