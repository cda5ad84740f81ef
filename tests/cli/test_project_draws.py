"""`sousei project --draws`: the summary of the draws beside an unchanged long CSV."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
from typer.testing import CliRunner

from sousei.cli import app
from sousei.vision.draws import DrawRequest, draws_frame, draws_in_memory

runner = CliRunner()


def test_draws_are_printed_and_written_beside_the_long_csv(tmp_path) -> None:
    plain, drawn = tmp_path / "plain.csv", tmp_path / "drawn.csv"
    base = ["project", "--area", "久留米市", "--area", "大川市", "--to", "2030", "--out"]
    assert runner.invoke(app, [*base, str(plain)]).exit_code == 0
    result = runner.invoke(app, [*base, str(drawn), "--draws", "30", "--seed", "5"])
    assert result.exit_code == 0, result.output
    assert plain.read_bytes() == drawn.read_bytes()
    frame = pd.read_csv(tmp_path / "drawn_draws.csv", dtype={"area_code": str})
    request = DrawRequest(("40203", "40212"), 2015, 2030, 30, 5)
    expected = draws_frame(request, draws_in_memory(request))
    assert np.allclose(frame[["mean", "q025", "q975"]], expected[["mean", "q025", "q975"]])


def test_one_area_prints_the_statistics() -> None:
    result = runner.invoke(app, ["project", "--area", "久留米市", "--to", "2025", "--draws", "20"])
    assert result.exit_code == 0, result.output
    assert "確率的推計 (20回, 乱数の種 0)" in result.output
    assert "97.5%点" in result.output


def test_draws_need_the_census_assumptions() -> None:
    result = runner.invoke(
        app, ["project", "--area", "久留米市", "--assumptions", "ipss", "--to", "2025",
              "--draws", "10"]
    )
    assert result.exit_code == 2
    assert "census" in result.output


def test_dask_is_imported_only_when_draws_are_asked_for() -> None:
    code = ("import sys; from sousei.cli import project; "
            "print('dask' in sys.modules, 'distributed' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_a_negative_number_of_draws_is_refused() -> None:
    result = runner.invoke(app, ["project", "--area", "久留米市", "--draws", "-1"])
    assert result.exit_code == 2
    assert "--draws" in result.output
