"""`sousei project --intervals`: bands printed, written beside the CSV, nothing else changed."""

from __future__ import annotations

import numpy as np
import pandas as pd
from openpyxl import load_workbook
from typer.testing import CliRunner

from sousei.cli import app
from sousei.vision.intervals import band
from sousei.vision.run import ProjectionRequest, run_projection

runner = CliRunner()
KURUME = "40203"


def test_intervals_are_printed_and_written_beside_an_unchanged_long_csv(tmp_path) -> None:
    plain, with_bands = tmp_path / "plain.csv", tmp_path / "bands.csv"
    base = ["project", "--area", "久留米市", "--to", "2045", "--out"]
    assert runner.invoke(app, [*base, str(plain)]).exit_code == 0
    result = runner.invoke(app, [*base, str(with_bands), "--intervals"])
    assert result.exit_code == 0, result.output
    assert "総人口 80%予測区間 下限" in result.output
    assert "総人口 95%予測区間 上限" in result.output
    assert plain.read_bytes() == with_bands.read_bytes()  # the long CSV is the same file
    assert not (tmp_path / "plain_intervals.csv").exists()
    frame = pd.read_csv(tmp_path / "bands_intervals.csv", dtype={"area_code": str})
    _, run = run_projection(ProjectionRequest((KURUME,), 2015, 2045))
    totals = run.total.population.sum(axis=(-2, -1))[0, :, 0]
    assert np.allclose(frame["total"], totals)
    lower, upper = band(totals[None], np.array([totals[0]]), 2015, run.total.years, 80)
    assert np.allclose(frame["lower_80"], lower[0])
    assert np.allclose(frame["upper_80"], upper[0])
    assert (frame["lower_95"] <= frame["lower_80"]).all()
    assert (frame["upper_80"] <= frame["upper_95"]).all()


def test_a_workbook_gets_one_interval_sheet_per_area(tmp_path) -> None:
    out = tmp_path / "two.xlsx"
    result = runner.invoke(
        app, ["project", "--area", "久留米市", "--area", "大川市", "--to", "2030",
              "--intervals", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    names = load_workbook(out, read_only=True).sheetnames
    assert "予測区間 久留米市(40203)" in names and "予測区間 大川市(40212)" in names


def test_a_base_before_any_backtest_is_refused() -> None:
    result = runner.invoke(
        app, ["project", "--area", "久留米市", "--base-year", "1995", "--to", "2015", "--intervals"]
    )
    assert result.exit_code == 2
    assert "予測区間を計算できません" in result.output
