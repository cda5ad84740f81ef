"""`sousei report kpi` and `sousei report vision` from the command line."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from sousei.cli import app
from tests.io.progress_fixture import build_progress_workbook

runner = CliRunner()


def test_report_kpi_writes_the_workbook_for_the_chosen_year(tmp_path: Path) -> None:
    workbook = build_progress_workbook(tmp_path / "progress.xlsx")
    result = runner.invoke(
        app,
        [
            "report",
            "kpi",
            str(workbook),
            "--out",
            str(tmp_path / "out"),
            "--as-of",
            "R8",
            "--no-pdf",
        ],
    )
    assert result.exit_code == 0, result.output
    book = load_workbook(tmp_path / "out" / "効果検証_令和8年度.xlsx")
    assert book.sheetnames == ["達成状況", "数値目標", "事業一覧"]
    assert book["達成状況"]["A1"].value == "基本目標達成状況等一覧表(令和8年度時点)"


def test_report_kpi_refuses_an_unknown_scheme(tmp_path: Path) -> None:
    workbook = build_progress_workbook(tmp_path / "progress.xlsx")
    result = runner.invoke(
        app, ["report", "kpi", str(workbook), "--out", str(tmp_path), "--scheme", "xyz"]
    )
    assert result.exit_code == 2


def test_report_vision_for_two_areas_writes_one_folder_each(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "report",
            "vision",
            "--area",
            "久留米市",
            "--area",
            "40231",
            "--to",
            "2030",
            "--out",
            str(tmp_path),
            "--no-pdf",
        ],
    )
    assert result.exit_code == 0, result.output
    folders = sorted(p.name for p in tmp_path.iterdir())
    assert folders == ["40203_久留米市", "40305_那珂川市"]
    assert (tmp_path / "40305_那珂川市" / "人口ビジョン_那珂川市.xlsx").exists()


def test_report_vision_unknown_area_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["report", "vision", "--area", "存在しない市", "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
