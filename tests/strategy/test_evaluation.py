"""The worked examples of domain.md, and the states an actual can be in."""

from __future__ import annotations

import dataclasses

import pytest

from sousei.strategy import (
    KPI,
    Actual,
    ActualState,
    Aggregation,
    Direction,
    Judgement,
    Status,
    Target,
    TargetKind,
    evaluate_kpi,
    get_scheme,
)

STANDARD = get_scheme("standard")
PRORATED = get_scheme("standard-prorated")
PROGRESS = dataclasses.replace(STANDARD, name="progress", rate_method="progress")
PLAN_START = 2025


def number(fy: int, value: float) -> Actual:
    return Actual(fy, ActualState.NUMBER, value)


def kpi(kind: TargetKind, value: float | None, *actuals: Actual, **extra: object) -> KPI:
    defaults: dict[str, object] = {
        "name": "指標",
        "unit": "件",
        "direction": Direction.HIGHER,
        "aggregation": Aggregation.FLOW if kind is TargetKind.CUMULATIVE else Aggregation.LEVEL,
        "target": Target(kind, value, 2029),
        "actuals": actuals,
    }
    return KPI(**{**defaults, **extra})  # type: ignore[arg-type]


def test_progress_rate_base_100_target_120_actual_110_is_50_percent() -> None:
    k = kpi(TargetKind.LEVEL, 120, number(2025, 110), baseline=100)
    ev = evaluate_kpi(k, PROGRESS, 2025, PLAN_START)
    assert ev.rate == pytest.approx(50.0)
    assert ev.grade == "△"
    assert "進捗率" in ev.rule


def test_decrease_base_5_target_0_actual_2_is_60_percent() -> None:
    k = kpi(TargetKind.DECREASE, 0, number(2025, 2), baseline=5, direction=Direction.LOWER)
    ev = evaluate_kpi(k, STANDARD, 2025, PLAN_START)
    assert ev.rate == pytest.approx(60.0)
    assert ev.grade == "△"
    assert "進捗率" in ev.rule  # the ratio target / actual is meaningless at a zero target


def test_cumulative_40_over_five_years_with_6_9_8() -> None:
    k = kpi(TargetKind.CUMULATIVE, 40, number(2025, 6), number(2026, 9), number(2027, 8))
    plain = evaluate_kpi(k, STANDARD, 2027, PLAN_START)
    assert plain.compared_value == 23
    assert plain.rate == pytest.approx(57.5)
    assert plain.grade == "△"
    prorated = evaluate_kpi(k, PRORATED, 2027, PLAN_START)
    assert prorated.target_value == pytest.approx(24)
    assert prorated.rate == pytest.approx(95.8333, abs=1e-3)
    assert prorated.grade == "○"
    assert "按分目標(3/5年)" in prorated.rule


def test_level_target_uses_the_target_year_then_the_latest() -> None:
    k = kpi(
        TargetKind.LEVEL,
        150_000,
        number(2024, 140_000),
        number(2025, 100_084),
        target=Target(TargetKind.LEVEL, 150_000, 2024),
    )
    ev = evaluate_kpi(k, STANDARD, 2025, PLAN_START)
    assert ev.compared_value == 140_000  # the R6 actual, not the later one
    early = kpi(TargetKind.LEVEL, 150_000, number(2025, 100_084))
    assert evaluate_kpi(early, STANDARD, 2025, PLAN_START).rate == pytest.approx(66.7227, abs=1e-3)


def test_at_least_and_at_most() -> None:
    at_least = kpi(TargetKind.AT_LEAST, 21, number(2025, 21))
    assert evaluate_kpi(at_least, STANDARD, 2025, PLAN_START).rate == pytest.approx(100)
    at_most = kpi(TargetKind.AT_MOST, 10, number(2025, 16), direction=Direction.LOWER)
    assert evaluate_kpi(at_most, STANDARD, 2025, PLAN_START).rate == pytest.approx(62.5)


def test_stock_takes_the_latest_value_not_the_sum() -> None:
    k = kpi(TargetKind.STOCK, 50, number(2025, 29), number(2026, 41), aggregation=Aggregation.STOCK)
    ev = evaluate_kpi(k, STANDARD, 2026, PLAN_START)
    assert ev.compared_value == 41
    assert ev.grade == "○"  # 82%


def test_states_of_an_actual() -> None:
    note = "国勢調査結果公表後、記入予定"
    pending = kpi(TargetKind.LEVEL, 10, Actual(2025, ActualState.PENDING, note=note))
    ev = evaluate_kpi(pending, STANDARD, 2025, PLAN_START)
    assert (ev.status, ev.grade) == (Status.PENDING, None)
    assert "国勢調査結果公表後" in ev.rule
    for state in (ActualState.NOT_OBTAINABLE, ActualState.NOT_CARRIED_OUT):
        failed = kpi(TargetKind.LEVEL, 10, Actual(2025, state))
        ev = evaluate_kpi(failed, STANDARD, 2025, PLAN_START)
        assert (ev.status, ev.grade) == (Status.FAILED, "×")
    nothing = evaluate_kpi(kpi(TargetKind.LEVEL, 10), STANDARD, 2025, PLAN_START)
    assert nothing.status is Status.PENDING


def test_explicit_comparison_value_wins() -> None:
    k = kpi(TargetKind.CUMULATIVE, 40, number(2025, 6), comparison_value=36)
    ev = evaluate_kpi(k, STANDARD, 2025, PLAN_START)
    assert ev.rate == pytest.approx(90)
    assert "実績値(目標値比較)" in ev.rule


def test_qualitative_takes_the_recorded_judgement() -> None:
    k = kpi(
        TargetKind.QUALITATIVE,
        None,
        Actual(2025, ActualState.NUMBER, 1),
        judgement=Judgement("○", "調査を実施した"),
    )
    ev = evaluate_kpi(k, STANDARD, 2025, PLAN_START)
    assert (ev.status, ev.grade) == (Status.JUDGED, "○")
    assert "調査を実施した" in ev.rule
    unjudged = kpi(TargetKind.QUALITATIVE, None, number(2025, 1))
    assert evaluate_kpi(unjudged, STANDARD, 2025, PLAN_START).status is Status.PENDING
    with pytest.raises(ValueError, match="評価方式"):
        evaluate_kpi(
            kpi(TargetKind.QUALITATIVE, None, judgement=Judgement("A")), STANDARD, 2025, PLAN_START
        )


def test_negative_target_uses_progress_from_the_baseline() -> None:
    # 純移動数: baseline △1,305, target △414, actual △900 -> (−900+1305)/(−414+1305) = 45.5%
    k = kpi(TargetKind.LEVEL, -414, number(2025, -900), baseline=-1305)
    assert evaluate_kpi(k, STANDARD, 2025, PLAN_START).rate == pytest.approx(405 / 891 * 100)


def test_grade_thresholds_of_other_schemes() -> None:
    k = kpi(TargetKind.LEVEL, 100, number(2025, 125))
    assert evaluate_kpi(k, get_scheme("sabc"), 2025, PLAN_START).grade == "S"
    assert evaluate_kpi(k, get_scheme("a-e"), 2025, PLAN_START).grade == "A"
    low = kpi(TargetKind.LEVEL, 100, number(2025, 79.9))
    assert evaluate_kpi(low, STANDARD, 2025, PLAN_START).grade == "△"
    edge = kpi(TargetKind.LEVEL, 100, number(2025, 80))
    assert evaluate_kpi(edge, STANDARD, 2025, PLAN_START).grade == "○"
    assert "達成率80%以上" in evaluate_kpi(edge, STANDARD, 2025, PLAN_START).rule


def test_pending_qualitative_kpi_carries_its_value_not_a_rate() -> None:
    # A qualitative KPI with a number but no recorded judgement is pending: the 3.0 is the
    # actual, and showing it as 「評価待ち（達成率 3.0%）」 would print a rate nobody computed.
    unjudged = kpi(TargetKind.QUALITATIVE, None, number(2025, 3.0))
    ev = evaluate_kpi(unjudged, STANDARD, 2025, PLAN_START)
    assert (ev.status, ev.grade, ev.rate) == (Status.PENDING, None, None)
    assert ev.compared_value == 3.0
