"""`sousei project --against NAME`: differences from any scenario, not only the baseline."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sousei.cli import app
from sousei.demography.scenarios import BASELINE
from sousei.io.scenario import read_scenario
from sousei.japanese import format_number
from sousei.vision.run import ProjectionRequest, run_projection

runner = CliRunner()
TFR = 'name = "出生率向上"\n[tfr]\nchange = 0.1\nby = 2060\n'
YOUNG = 'name = "若者定着"\n[[migration]]\nages = "10-29"\nchange_points_per_year = 0.5\n'


def _files(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in (("tfr.toml", TFR), ("young.toml", YOUNG)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    return paths


def test_differences_from_a_chosen_scenario(tmp_path: Path) -> None:
    files = _files(tmp_path)
    args = ["project", "--area", "久留米市", "--to", "2045", "--against", "出生率向上"]
    for path in files:
        args += ["--scenario", str(path)]
    result = runner.invoke(app, args, terminal_width=400)
    assert result.exit_code == 0, result.output
    assert "(出生率向上との差)" in result.output
    # the engine called directly: 若者定着 minus 出生率向上, total population in 2045
    run = run_projection(ProjectionRequest(("40203",), 2015, 2045, (
        BASELINE, *(read_scenario(p) for p in files))))[1]
    totals = run.total.population[:, -1].sum(axis=(1, 2, 3))
    assert format_number(round(float(totals[2] - totals[1]))) in result.output


def test_an_unknown_reference_is_a_usage_error(tmp_path: Path) -> None:
    args = ["project", "--area", "久留米市", "--to", "2030", "--against", "なし",
            "--scenario", str(_files(tmp_path)[0])]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "比較の基準にするシナリオ「なし」がありません" in result.output
