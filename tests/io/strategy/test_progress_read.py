"""Reading the fixture workbook: structure, cell values with units, states and inferences."""

from __future__ import annotations

from pathlib import Path

from sousei.io.strategy.progress import read_progress_workbook
from sousei.strategy import ActualState, Aggregation, Direction, TargetKind


def test_structure_follows_merged_and_blank_cells(progress_workbook: Path) -> None:
    strategy = read_progress_workbook(progress_workbook).strategy
    assert strategy.name == "みらい市まち・ひと・しごと創生総合戦略"
    assert (strategy.plan_start, strategy.plan_end) == (2025, 2029)
    assert [len(g.kpis) for g in strategy.goals] == [4, 4, 4, 4]
    goal_3 = strategy.goals[2]
    assert [m.name for m in goal_3.measures] == [
        "○地域での子育て支援体制の充実",
        "○子育て負担の軽減",
        "○出産の希望をかなえる",
    ]
    assert goal_3.measures[0].projects[0].name == ""  # a KPI the measure owns directly
    goal_4 = strategy.goals[3]  # no merges: blank cells carry the hierarchy down
    assert [[p.name for p in m.projects] for m in goal_4.measures] == [
        ["○市バス運行管理事業"],
        ["○交通安全推進事業", "○防犯対策事業"],
        ["○移住相談窓口事業"],
    ]
    survey = goal_3.kpis[0]
    assert survey.notes == ("※調査の方法と対象について検討中",)
    assert survey.baseline_note == "未着手"


def test_values_units_and_states(progress_workbook: Path) -> None:
    kpis = {k.name: k for k in read_progress_workbook(progress_workbook).strategy.kpis}
    visitors = kpis["年間観光入込客数"]
    assert (visitors.unit, visitors.baseline, visitors.baseline_year) == ("人", 240_000, 2023)
    assert [a.value for a in visitors.actuals] == [199_000, 225_000, 250_000]
    moves = kpis["社会増減数"]
    assert moves.baseline == -1305
    assert [a.value for a in moves.actuals] == [-380, -352, -298]
    assert moves.target.value == -200 and moves.direction is Direction.HIGHER
    farming = kpis["スマート農業導入件数"]
    assert [a.state for a in farming.actuals] == [
        ActualState.NUMBER,
        ActualState.NOT_OBTAINABLE,
        ActualState.NUMBER,
    ]
    tfr = kpis["合計特殊出生率"]
    assert tfr.actuals[-1].state is ActualState.PENDING
    assert tfr.actuals[-1].note == "人口動態統計公表後、記入予定"
    assert tfr.target.fiscal_year == 2029 and tfr.target.value == 1.6
    assert kpis["交付金活用者数"].comparison_value == 95
    assert kpis["店舗改装件数"].department == "産業振興課"
    bus = kpis["市バス年間利用者数"]
    assert (bus.target.kind, bus.target.fiscal_year) == (TargetKind.LEVEL, 2027)
    score = kpis["全国学力調査の平均正答率"]
    assert score.judgement is not None and score.judgement.grade == "○"
    assert score.actuals[0].state is ActualState.RECORDED


def test_every_kind_of_target_and_the_inferences(progress_workbook: Path) -> None:
    result = read_progress_workbook(progress_workbook)
    kinds = {k.name: k.target.kind for k in result.strategy.kpis}
    assert set(kinds.values()) == set(TargetKind)
    assert kinds["分譲地整備区画数"] is TargetKind.STOCK  # from the 集計 column
    assert kinds["交通事故発生件数"] is TargetKind.DECREASE  # 60 below the baseline 120
    assert kinds["刑法犯認知件数"] is TargetKind.AT_MOST
    plots = next(k for k in result.strategy.kpis if k.name == "分譲地整備区画数")
    assert plots.aggregation is Aggregation.STOCK
    accidents = [line for line in result.inferred if "交通事故発生件数" in line]
    assert any("低い方が良い" in line and "18行目" in line for line in accidents)
    assert not any("分譲地整備区画数" in line and "フロー" in line for line in result.inferred)


def test_numerical_targets_sheet(progress_workbook: Path) -> None:
    goals = read_progress_workbook(progress_workbook).strategy.goals
    (migration,) = goals[0].numerical_targets
    assert (migration.indicator, migration.baseline, migration.ipss_estimate, migration.target) == (
        "純移動数",
        -1305,
        -1089,
        -414,
    )
    assert migration.actual is None and migration.note == "公表後、記入予定"
    assert goals[1].numerical_targets == ()
