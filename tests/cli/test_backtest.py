"""`sousei backtest` end to end: the tables a planner reads and the CSV behind them."""

from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from sousei.cli import app
from sousei.vision.backtest import area_errors

runner = CliRunner()


def test_one_area_prints_its_hindcasts_and_its_size_class(tmp_path) -> None:
    out = tmp_path / "kurume.csv"
    result = runner.invoke(app, ["backtest", "--area", "久留米市", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "久留米市(40203) 過去の国勢調査からの推計と実績" in result.output
    assert "304,552" in result.output  # the 2015 census
    assert "同じ人口規模 (30万人以上)" in result.output
    written = pd.read_csv(out, dtype={"area_code": str})
    expected = area_errors(["40203"])
    assert written["error_pct"].tolist() == expected["error_pct"].tolist()
    assert written["naive_error_pct"].tolist() == expected["naive_error_pct"].tolist()


def test_a_prefecture_prints_the_summary_by_size_class() -> None:
    result = runner.invoke(app, ["backtest", "--prefecture", "40"])
    assert result.exit_code == 0, result.output
    assert "推計誤差 (絶対値) 60団体 (福島県を除く)" in result.output
    assert "単純延長 中央値" in result.output


def test_an_unknown_area_is_refused_in_japanese() -> None:
    result = runner.invoke(app, ["backtest", "--area", "存在しない町"])
    assert result.exit_code == 2
    assert "エラー" in result.output


def test_every_municipality_prints_the_national_summary(tmp_path) -> None:
    out = tmp_path / "all.csv"
    result = runner.invoke(app, ["backtest", "--all", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "推計誤差 (絶対値) 全市区町村 (福島県を除く)" in result.output
    written = pd.read_csv(out, dtype={"area_code": str})
    assert len(written) == 1741 * 10
    assert set(written["base_year"]) == {1995, 2000, 2005, 2010}
