"""`sousei project --population` with a census table as e-Stat gives it: the same numbers as
the library, and (the figures being the census) as the projection from the shipped census."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from sousei.cli import app
from sousei.io.population.read import read_population
from sousei.vision.run import ProjectionRequest, run_projection
from sousei.vision.user_data import run_user_projection
from tests.io.population.estat_fixture import write_estat

runner = CliRunner()
AREAS = ("40203", "40212")


def test_an_estat_download_projects_like_the_library(tmp_path) -> None:
    source = write_estat(tmp_path / "estat.csv")
    out = tmp_path / "result.csv"
    result = runner.invoke(app, ["project", "--population", str(source), "--to", "2040",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, dtype={"area_code": str})
    baseline = frame[(frame["year"] == 2040) & (frame["scenario"] == frame["scenario"].iloc[0])]
    got = baseline.groupby("area_code")["value"].sum()
    _, run = run_user_projection(read_population(source), ProjectionRequest(AREAS, 2015, 2040))
    _, shipped = run_projection(ProjectionRequest(AREAS, 2015, 2040))
    for i, code in enumerate(AREAS):  # population: (scenario, year, region, sex, age)
        assert got[code] == pytest.approx(run.total.population[0, -1, i].sum(), abs=1)
        assert got[code] == pytest.approx(shipped.total.population[0, -1, i].sum(), abs=1)


def test_a_bad_estat_file_stops_with_row_and_column(tmp_path) -> None:
    source = write_estat(tmp_path / "estat.csv")
    text = source.read_text(encoding="utf-8-sig").replace('"90歳以上"', '"九十歳以上"', 1)
    source.write_text(text, encoding="utf-8-sig")
    result = runner.invoke(app, ["project", "--population", str(source), "--to", "2040"])
    assert result.exit_code == 1  # an input refused
    assert "estat.csv" in result.output and "年齢" in result.output and "行目" in result.output
