"""嘉麻市's published 事業一覧, annotations and all, is read whole and graded."""

from __future__ import annotations

from pathlib import Path

import pytest

from sousei.io.errors import WorkbookError
from sousei.io.strategy.progress import read_progress_workbook
from sousei.strategy import ActualState, Judgement, evaluate_strategy, get_scheme
from tests.io.strategy.kama_fixture import ROWS, build_kama_workbook


def _kpis(strategy):
    return {k.name: k for k in strategy.kpis}


def test_the_annotated_table_reads_whole(tmp_path: Path) -> None:
    result = read_progress_workbook(build_kama_workbook(tmp_path / "kama.xlsx"))
    strategy = result.strategy
    assert (strategy.plan_start, strategy.plan_end) == (2025, 2029)
    assert [len(g.kpis) for g in strategy.goals] == [4, 4, 4, 4]
    kpis = _kpis(strategy)
    tourism = kpis["年間観光入込客数"].actuals[0]
    assert (tourism.fiscal_year, tourism.value, tourism.observed_year) == (2025, 199_000, 2024)
    assert kpis["起業支援による創業者数"].actuals[0].value == 8
    assert kpis["商業店舗リフォーム支援による店舗改装件数"].actuals[0].note == "実績値"
    school = kpis["全国学力・学習状況調査の平均正答率の標準化得点"]
    assert school.actuals[0].state is ActualState.RECORDED
    assert school.judgement == Judgement("△", "小学校・中学校とも全国平均を下回った")
    assert school.baseline_note == "小・義務教育学校段階：平均"
    assert school.notes and school.notes[0].startswith("※全国学力")
    assert kpis["起業支援による創業者数"].comparison_value is None  # "—": none given
    goal2 = strategy.goals[1].numerical_targets[0]
    assert (goal2.baseline, goal2.ipss_estimate, goal2.target) == (-1305, -1089, -414)


def test_every_interpretation_is_listed_with_its_cell(tmp_path: Path) -> None:
    readings = read_progress_workbook(build_kama_workbook(tmp_path / "kama.xlsx")).readings
    text = "\n".join(readings)
    assert "シート「事業一覧」11行目 F列" in text and "「19.9万人(R6)」→ 199,000人(令和6年度の値)" in text
    assert "「８件」→ 8件" in text
    assert "「7件(実績値)」→ 7件 注記「実績値」" in text
    assert "K列「実績値 (目標値比較)」: 「—」→ 目標値比較の実績値なし" in text


def test_a_worded_result_with_a_recorded_grade_is_judged_even_under_a_numeric_target(
    tmp_path: Path,
) -> None:
    rows = [list(r) for r in ROWS]
    school = next(r for r in rows if r[3] == "全国学力・学習状況調査の平均正答率の標準化得点")
    school[11] = "100以上"  # a figure as target, yet the result is worded and graded by hand
    result = read_progress_workbook(build_kama_workbook(tmp_path / "kama.xlsx", rows))
    kpi = next(k for k in result.strategy.kpis if k.name == school[3])
    assert kpi.judgement == Judgement("△", "小学校・中学校とも全国平均を下回った")
    assert any("N列「総合評価」: 数値でない実績値のため、記入済みの総合評価「△」を判定として" in line
               for line in result.readings)


def test_grades_follow_the_published_figures(tmp_path: Path) -> None:
    strategy = read_progress_workbook(build_kama_workbook(tmp_path / "kama.xlsx")).strategy
    result = evaluate_strategy(strategy, get_scheme("standard"))
    assert result.as_of == 2025
    counts = [(g.counts["○"], g.counts["△"], g.counts["×"]) for g in result.goals]
    # G1: 8/40, 7/50, 5/35, 4/20 all under 80%; G2: 29/50, 20/190, 0/5, 19.9万/26万 (76.5%);
    # G3: 未実施 ×, 550/600 = 91.7% ○, judged △, judged ○; G4: only 21事業以上 reaches 80%.
    assert counts == [(0, 4, 0), (0, 4, 0), (2, 1, 1), (1, 3, 0)]


def test_a_cell_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[0][5] = "八件くらい"
    path = build_kama_workbook(tmp_path / "bad.xlsx", rows)
    with pytest.raises(WorkbookError) as caught:
        read_progress_workbook(path)
    assert [(p.sheet, p.row, p.column) for p in caught.value.problems] == [("事業一覧", 3, "F")]
    assert "八件くらい" in str(caught.value) and "bad.xlsx" in str(caught.value)
