"""`sousei project --target`: the solved change printed, and its scenario in the table and file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from sousei.cli import app

runner = CliRunner()


def test_the_solved_scenario_is_printed_and_written(tmp_path: Path) -> None:
    out = tmp_path / "kurume.csv"
    result = runner.invoke(app, ["project", "--area", "久留米市", "--to", "2035", "--target",
                                 "300000", "--target-date", "2031-03-31", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2031年3月31日に300,000人とするには、合計特殊出生率を2035年までに+" in result.output
    assert "この変化で 300,000人 (目標 300,000人)" in result.output
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert set(frame["scenario"]) == {"基準推計", "目標人口達成"}


def test_a_partnership_total_can_be_targeted_but_not_a_prefecture() -> None:
    ok = runner.invoke(app, ["project", "--area", "久留米市", "--area", "大川市", "--sum",
                             "--to", "2035", "--target", "340000", "--target-date",
                             "2030-10-01", "--solve", "migration", "--solve-ages", "15-34"])
    assert ok.exit_code == 0, ok.output
    assert "15～34歳の純移動率を5年間あたり" in ok.output
    refused = runner.invoke(app, ["project", "--prefecture", "40", "--target", "1000",
                                  "--target-date", "2030-10-01"])
    assert refused.exit_code != 0 and "--target は1つの地域か" in refused.output


def test_bad_target_options_are_named() -> None:
    no_date = runner.invoke(app, ["project", "--area", "40203", "--target", "300000"])
    assert no_date.exit_code != 0 and "--target-date" in no_date.output
    bad_mix = runner.invoke(app, ["project", "--area", "40203", "--target", "300000",
                                  "--target-date", "2031-03-31", "--solve", "mix", "--mix", "x"])
    assert bad_mix.exit_code != 0 and "--mix は 0.1:0.5 の形" in bad_mix.output
