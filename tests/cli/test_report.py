"""`sousei report kpi` and `sousei report vision` from the command line."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from sousei.cli import app
from tests.io.strategy.progress_fixture import build_progress_workbook

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


def test_report_kpi_with_comments_and_target_population(tmp_path: Path) -> None:
    workbook = build_progress_workbook(tmp_path / "progress.xlsx")
    comments = tmp_path / "意見.csv"
    comments.write_text("区分,対象,委員の区分,日付,意見\nKPI,店舗改装件数,金,2025/3/10,売上も見てください。\n",
                        encoding="utf-8")
    result = runner.invoke(app, ["report", "kpi", str(workbook), "--out", str(tmp_path / "out"),
                                 "--as-of", "R8", "--no-pdf", "--comments", str(comments),
                                 "--target-population", "300000", "--target-year", "2040"])
    assert result.exit_code == 0, result.output
    ws = load_workbook(tmp_path / "out" / "効果検証_令和8年度.xlsx")["委員会意見"]
    assert ws["E4"].value == "売上も見てください。"
    html = (tmp_path / "out" / "効果検証_令和8年度.html").read_text(encoding="utf-8")
    assert "令和22(2040)年の目標人口を300,000人としています" in html


def test_report_kpi_comment_errors_name_the_row_and_column(tmp_path: Path) -> None:
    workbook = build_progress_workbook(tmp_path / "progress.xlsx")
    comments = tmp_path / "意見.csv"
    comments.write_text("区分,対象,意見\n事業,ない事業,意見です\n", encoding="utf-8")
    result = runner.invoke(app, ["report", "kpi", str(workbook), "--out", str(tmp_path),
                                 "--no-pdf", "--comments", str(comments)])
    assert result.exit_code == 1
    assert "意見.csv" in result.output
    assert "2行目 B列「対象」: 事業「ない事業」は事業一覧にありません" in result.output


def test_report_vision_with_the_outlook(tmp_path: Path) -> None:
    scenario = tmp_path / "s.toml"
    scenario.write_text('name = "出生率向上"\n[tfr]\nchange = 0.1\nby = 2060\n', encoding="utf-8")
    result = runner.invoke(app, ["report", "vision", "--area", "久留米市", "--scenario",
                                 str(scenario), "--vision", "出生率向上", "--target-population",
                                 "280000", "--target-year", "2060", "--out", str(tmp_path / "v"),
                                 "--no-pdf"])
    assert result.exit_code == 0, result.output
    book = load_workbook(tmp_path / "v" / "人口ビジョン_久留米市.xlsx")
    assert book["目標人口"]["B4"].value == 280_000
    assert book["将来展望"]["A4"].value == "将来展望「出生率向上」"


def test_report_vision_refuses_an_unknown_outlook_scenario(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "vision", "--area", "久留米市", "--vision", "ない",
                                 "--out", str(tmp_path), "--no-pdf"])
    assert result.exit_code == 2
    assert "将来展望のシナリオ「ない」がありません" in result.output
