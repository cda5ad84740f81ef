"""`sousei report vision --against NAME`: the simulation sheet's differences from that scenario."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from sousei.cli import app

runner = CliRunner()
TREND = 'name = "将来推計"\n[tfr]\nchange = 0.05\nby = 2060\n'


def test_report_against_a_scenario_and_an_unknown_one(tmp_path: Path) -> None:
    scenario = tmp_path / "trend.toml"
    scenario.write_text(TREND, encoding="utf-8")
    base = ["report", "vision", "--area", "久留米市", "--to", "2030", "-s", str(scenario),
            "--no-pdf"]
    refused = runner.invoke(app, [*base, "--out", str(tmp_path / "x"), "--against", "なし"])
    assert refused.exit_code != 0 and "比較の基準にするシナリオ「なし」" in refused.output
    result = runner.invoke(app, [*base, "--out", str(tmp_path / "out"), "--against", "将来推計"])
    assert result.exit_code == 0, result.output
    (book,) = (tmp_path / "out").glob("*.xlsx")
    ws = load_workbook(book)["シミュレーション"]
    labels = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert "総人口(将来推計との差)" in labels
