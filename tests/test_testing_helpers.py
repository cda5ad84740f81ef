from __future__ import annotations

import dataclasses

import pytest

from sousei.strategy import (
    KPI,
    Aggregation,
    BasicGoal,
    Direction,
    Measure,
    Project,
    Strategy,
    Target,
    TargetKind,
)
from sousei.testing import assert_strategies_equal, strategy_differences

KPI_A = KPI("創業者数", "件", Direction.HIGHER, Aggregation.FLOW,
            Target(TargetKind.CUMULATIVE, 40, 2029, "5年間に40件"))
STRATEGY = Strategy("戦略", 2025, 2029, (BasicGoal("目標1", (Measure("施策", (
    Project("事業", (KPI_A,)),)),)),))


def test_names_the_differing_field() -> None:
    changed = dataclasses.replace(KPI_A, unit="人")
    other = Strategy("戦略", 2025, 2029, (BasicGoal("目標1", (Measure("施策", (
        Project("事業", (changed,)),)),)),))
    assert strategy_differences(STRATEGY, other) == [
        "strategy.goals[0 目標1].measures[0 施策].projects[0 事業].kpis[0 創業者数].unit: "
        "'件' と '人'"
    ]
    with pytest.raises(AssertionError, match="1か所"):
        assert_strategies_equal(STRATEGY, other)
    assert_strategies_equal(STRATEGY, STRATEGY)
