from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from sousei.cli import app
from tests.io.strategy.link_fixture import with_link
from tests.io.strategy.progress_fixture import ROWS, build_progress_workbook


def test_evaluate_prints_the_summary_table_and_writes_the_workbook(tmp_path: Path) -> None:
    source = build_progress_workbook(tmp_path / "progress.xlsx")
    out = tmp_path / "evaluated.xlsx"
    result = CliRunner().invoke(app, ["evaluate", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "令和9年度時点" in result.output
    total = next(line for line in result.output.splitlines() if "合計" in line)
    cells = [c.strip() for c in total.split("│") if c.strip()]
    assert cells == ["合計", "16", "9", "4", "1", "2", "64%", "29%", "7%"]
    assert openpyxl.load_workbook(out).sheetnames == ["事業一覧", "数値目標", "達成状況"]


def test_evaluate_json_with_scheme_and_as_of(tmp_path: Path) -> None:
    source = build_progress_workbook(tmp_path / "progress.xlsx")
    result = CliRunner().invoke(
        app, ["evaluate", str(source), "--json", "--scheme", "standard", "--as-of", "R8"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["as_of"] == 2026
    assert set(summary) >= {"goals", "total"}
    goal_1 = summary["goals"][0]
    assert goal_1["name"] == "(1) 安定した雇用を生み出す"
    # as of R8: founders 17/40 △, shops 17/35 △, farming 4/20 △, products 5/25 △
    assert goal_1["grades"] == {"○": 0, "△": 4, "×": 0}
    assert goal_1["shares"] == {"○": 0, "△": 100, "×": 0}
    assert not (tmp_path / "progress_評価.xlsx").exists()  # --json alone writes nothing


def test_evaluate_reports_bad_cells_and_bad_options(tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[0][5] = "八件"
    source = build_progress_workbook(tmp_path / "bad.xlsx", rows)
    result = CliRunner().invoke(app, ["evaluate", str(source)])
    assert result.exit_code == 1
    assert "4行目 F列「R7/実績値」" in result.output
    assert not (tmp_path / "bad_評価.xlsx").exists()
    good = build_progress_workbook(tmp_path / "good.xlsx")
    wrong = CliRunner().invoke(app, ["evaluate", str(good), "--scheme", "zzz"])
    assert wrong.exit_code == 2 and "評価方式「zzz」はありません" in wrong.output


def test_template_command(tmp_path: Path) -> None:
    source = build_progress_workbook(tmp_path / "progress.xlsx")
    out = tmp_path / "kenko.xlsx"
    result = CliRunner().invoke(
        app, ["template", str(source), "--department", "健康課", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["実績値入力"]
    assert [r[3] for r in ws.iter_rows(min_row=5, values_only=True)] == ["合計特殊出生率"]


def _scheme_file(path: Path, symbols: tuple[str, str, str, str]) -> Path:
    best, good, poor, failed = symbols
    path.write_text(json.dumps({
        "name": "city",
        "levels": [{"symbol": best, "label": "達成", "min_rate": 100},
                   {"symbol": good, "label": "概ね達成", "min_rate": 60},
                   {"symbol": poor, "label": "未達成"}],
        "failed": {"symbol": failed, "label": "実績なし"},
    }, ensure_ascii=False), encoding="utf-8")
    return path


def test_evaluate_with_a_city_scheme_from_json(tmp_path: Path) -> None:
    source = build_progress_workbook(tmp_path / "progress.xlsx")
    scheme = _scheme_file(tmp_path / "city.json", ("◎", "○", "△", "×"))
    result = CliRunner().invoke(app, ["evaluate", str(source), "--json", "--scheme", str(scheme)])
    assert result.exit_code == 0, result.output
    total = json.loads(result.stdout)["total"]
    # none reaches 100%; 60% and over: the 8 graded ○ of the standard scheme, 交通事故 66.7%
    # and the judged ○; under 60%: 57.5%, 45%, 50%; failed: 未実施. Shares of 14.
    assert total["grades"] == {"◎": 0, "○": 10, "△": 3, "×": 1}
    assert total["shares"] == {"◎": 0, "○": 71, "△": 21, "×": 7}


def test_a_judgement_outside_the_scheme_is_reported(tmp_path: Path) -> None:
    source = build_progress_workbook(tmp_path / "progress.xlsx")
    scheme = _scheme_file(tmp_path / "abcd.json", ("A", "B", "C", "D"))
    result = CliRunner().invoke(app, ["evaluate", str(source), "--scheme", str(scheme)])
    assert result.exit_code == 2
    assert "KPI「全国学力調査の平均正答率」の評価「○」は評価方式cityにありません" in result.output


def test_evaluate_lists_how_annotated_cells_were_read(tmp_path: Path) -> None:
    from tests.io.strategy.kama_fixture import build_kama_workbook

    source = build_kama_workbook(tmp_path / "kama.xlsx")
    result = CliRunner().invoke(app, ["evaluate", str(source), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"]["grades"] == {"○": 3, "△": 12, "×": 1}
    assert "読み取りの解釈" in result.stderr
    assert "11行目 F列" in result.stderr and "「19.9万人(R6)」→ 199,000人(令和6年度の値)" in result.stderr


def test_evaluate_refuses_a_workbook_linked_to_another(tmp_path: Path) -> None:
    source = build_progress_workbook(tmp_path / "progress.xlsx")
    linked = tmp_path / "linked.xlsx"
    linked.write_bytes(with_link(source.read_bytes()))
    result = CliRunner().invoke(app, ["evaluate", str(linked)])
    assert result.exit_code == 1
    assert "linked.xlsx" in result.output and "外部参照" in result.output
    assert not (tmp_path / "linked_評価.xlsx").exists()
