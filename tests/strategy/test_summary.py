"""Summaries as the 基本目標達成状況等一覧表 prints them, and invariants of grading."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sousei.strategy import (
    KPI,
    SCHEMES,
    Actual,
    ActualState,
    Aggregation,
    BasicGoal,
    Direction,
    Measure,
    Project,
    Strategy,
    Target,
    TargetKind,
    evaluate_kpi,
    evaluate_strategy,
    get_scheme,
)


def level_kpi(actual: Actual | None, target: float = 100, lower: bool = False) -> KPI:
    return KPI(
        name="指標",
        unit="人",
        direction=Direction.LOWER if lower else Direction.HIGHER,
        aggregation=Aggregation.LEVEL,
        target=Target(TargetKind.DECREASE if lower else TargetKind.LEVEL, target, 2029),
        baseline=None,
        actuals=(actual,) if actual else (),
    )


def strategy_of(*goals: tuple[KPI, ...]) -> Strategy:
    return Strategy(
        "テスト戦略",
        2025,
        2029,
        tuple(
            BasicGoal(f"目標{i}", (Measure("施策", (Project("事業", kpis),)),))
            for i, kpis in enumerate(goals, 1)
        ),
    )


def test_shares_round_half_up_as_printed() -> None:
    # 5 ○, 3 △ of 8: 62.5% -> 63%, 37.5% -> 38% (the printed table adds to 101%)
    kpis = [level_kpi(Actual(2025, ActualState.NUMBER, 90))] * 5 + [
        level_kpi(Actual(2025, ActualState.NUMBER, 50))
    ] * 3
    summary = evaluate_strategy(strategy_of(tuple(kpis)), get_scheme("standard")).total
    assert summary.counts == {"○": 5, "△": 3, "×": 0}
    assert summary.shares == {"○": 63, "△": 38, "×": 0}


def test_half_shares_are_not_lost_to_binary_noise() -> None:
    # 29/200 = 14.5% exactly, which float division makes 14.499999999999998
    kpis = [level_kpi(Actual(2025, ActualState.NUMBER, 90))] * 29 + [
        level_kpi(Actual(2025, ActualState.NUMBER, 50))
    ] * 171
    shares = evaluate_strategy(strategy_of(tuple(kpis)), get_scheme("standard")).total.shares
    assert shares == {"○": 15, "△": 86, "×": 0}  # 14.5 -> 15, 85.5 -> 86


def test_pending_is_counted_apart_and_left_out_of_the_shares() -> None:
    goal_1 = (
        level_kpi(Actual(2025, ActualState.NUMBER, 95)),
        level_kpi(Actual(2025, ActualState.NUMBER, 40)),
        level_kpi(Actual(2025, ActualState.NOT_CARRIED_OUT)),
        level_kpi(Actual(2025, ActualState.PENDING, note="統計未公表")),
    )
    goal_2 = (level_kpi(Actual(2025, ActualState.NUMBER, 100)),)
    result = evaluate_strategy(strategy_of(goal_1, goal_2), get_scheme("standard"))
    first, second = result.goals
    assert (first.kpi_count, first.pending, first.denominator) == (4, 1, 3)
    assert first.counts == {"○": 1, "△": 1, "×": 1}
    assert first.shares == {"○": 33, "△": 33, "×": 33}
    assert second.shares == {"○": 100, "△": 0, "×": 0}
    assert result.total.as_dict() == {
        "name": "合計",
        "kpi_count": 5,
        "grades": {"○": 2, "△": 1, "×": 1},
        "pending": 1,
        "shares": {"○": 50, "△": 25, "×": 25},
    }
    assert result.as_of == 2025


actual_values = st.floats(min_value=0.01, max_value=1e6, allow_nan=False)


@given(
    a=actual_values,
    b=actual_values,
    target=st.floats(min_value=0.01, max_value=1e6),
    lower=st.booleans(),
    scheme=st.sampled_from(sorted(SCHEMES)),
)
def test_grades_are_monotone_in_the_actual(
    a: float, b: float, target: float, lower: bool, scheme: str
) -> None:
    grading = get_scheme(scheme)
    small, large = sorted((a, b))
    rank = {symbol: i for i, symbol in enumerate(grading.symbols)}  # 0 = best
    g_small = evaluate_kpi(
        level_kpi(Actual(2025, ActualState.NUMBER, small), target, lower), grading, 2025, 2025
    ).grade
    g_large = evaluate_kpi(
        level_kpi(Actual(2025, ActualState.NUMBER, large), target, lower), grading, 2025, 2025
    ).grade
    assert g_small is not None and g_large is not None
    if lower:
        assert rank[g_small] <= rank[g_large]
    else:
        assert rank[g_large] <= rank[g_small]


states = st.one_of(
    st.builds(Actual, st.just(2025), st.just(ActualState.NUMBER), st.floats(0, 300)),
    st.sampled_from(
        [
            Actual(2025, ActualState.PENDING),
            Actual(2025, ActualState.NOT_OBTAINABLE),
            Actual(2025, ActualState.NOT_CARRIED_OUT),
        ]
    ),
)


@given(
    goals=st.lists(st.lists(states, min_size=1, max_size=20), min_size=1, max_size=6),
    scheme=st.sampled_from(sorted(SCHEMES)),
)
def test_counts_add_up_and_shares_make_100_within_rounding(
    goals: list[list[Actual]], scheme: str
) -> None:
    strategy = strategy_of(*(tuple(level_kpi(a) for a in goal) for goal in goals))
    result = evaluate_strategy(strategy, get_scheme(scheme))
    for summary in (*result.goals, result.total):
        assert sum(summary.counts.values()) + summary.pending == summary.kpi_count
        if summary.denominator:
            slack = len(summary.shares) / 2
            assert abs(sum(summary.shares.values()) - 100) <= slack
    assert result.total.kpi_count == sum(len(g) for g in goals)


def test_scheme_validation() -> None:
    from sousei.strategy.grading import GradeLevel, GradingScheme, scheme_from_mapping

    with pytest.raises(ValueError, match="高い順"):
        GradingScheme(
            "x",
            (GradeLevel("B", "", 50), GradeLevel("A", "", 80), GradeLevel("C", "", None)),
            GradeLevel("×", "", None),
        )
    with pytest.raises(ValueError, match="評価方式「zzz」"):
        get_scheme("zzz")
    custom = scheme_from_mapping(
        {
            "name": "city",
            "levels": [
                {"symbol": "◎", "min_rate": 100},
                {"symbol": "○", "min_rate": 70},
                {"symbol": "△"},
            ],
            "failed": {"symbol": "×"},
            "prorate": True,
        }
    )
    assert custom.symbols == ("◎", "○", "△", "×")
    assert custom.display_name == "◎・○・△・×の評価"  # each grade once, the failure grade too
    assert custom.level_for(70).symbol == "○"
