"""`sousei compare` prints the sorted table with the user's municipality marked, and writes CSV."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from sousei.cli import app


def test_prefecture_table_marks_the_highlighted_area_and_writes_csv(tmp_path: Path) -> None:
    out = tmp_path / "compare.csv"
    result = CliRunner().invoke(app, ["compare", "-p", "40", "-i", "change_ipss2023",
                                      "--highlight", "久留米市", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "▶ 久留米市" in result.output and "△12.8%" in result.output
    frame = pd.read_csv(out, encoding="utf-8-sig", dtype={"地域コード": str})
    assert len(frame) == 60
    assert frame.loc[frame["地域コード"] == "40203", "順位"].item() == 22


def test_an_unknown_indicator_exits_1_with_a_japanese_message() -> None:
    result = CliRunner().invoke(app, ["compare", "-p", "40", "-i", "gdp"])
    assert result.exit_code == 1
    assert "指標 'gdp' はありません" in result.output
