"""core -> database -> core returns the same strategy, for generated strategies of every shape:
judgements, comparison values, notes, worded baselines, annotated actuals, numerical targets,
project purposes, departments, partners, roles and budgets."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sousei import strategy as core
from sousei.web.strategies.convert import from_core, to_core
from tests.io.strategy.test_progress_roundtrip_property import _unique, kpis, names, numbers

words = st.text(alphabet="事業の目的子育て支援を行う、。", max_size=12)
roles = st.builds(core.Role, st.sampled_from(["久留米市", "連携市町", "大川市"]), words)
budgets = st.lists(st.integers(2022, 2030), unique=True, max_size=3).flatmap(
    lambda years: st.tuples(*(st.builds(core.Budget, st.just(y), st.none() | numbers)
                              for y in sorted(years))))
projects = st.builds(
    core.Project, names, st.lists(kpis(), max_size=3).map(tuple), purpose=words,
    departments=st.lists(st.sampled_from(["農政課", "商工政策課"]), unique=True).map(tuple),
    roles=st.lists(roles, max_size=2).map(tuple),
    partners=st.lists(st.sampled_from(["大川市", "小郡市"]), unique=True).map(tuple),
    budgets=budgets,
)
measures = st.builds(core.Measure, names, st.lists(projects, max_size=2).map(tuple),
                     st.sampled_from(["", "地域資源の活用", "雇用の創出"]))
numerical = st.builds(core.NumericalTarget, names, st.sampled_from(["人", ""]),
                      st.none() | numbers, st.none() | numbers, st.none() | numbers,
                      st.none() | numbers, st.sampled_from(["", "R8→R12"]),
                      st.sampled_from(["", "統計未公表"]))
goals = st.builds(
    lambda n, m, t: core.BasicGoal(n, tuple(_unique(m, lambda x: x.name)), tuple(t)),
    names, st.lists(measures, max_size=3), st.lists(numerical, max_size=2),
)


@pytest.mark.slow
@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(goals, min_size=1, max_size=2))
def test_core_database_core_is_lossless(world, goal_list) -> None:
    home = world["home"]
    original = core.Strategy("テスト戦略", 2025, 2029, tuple(goal_list), home.organisation.name)
    stored = from_core(home.users["planning"], home.organisation, original)
    assert to_core(stored)[0] == original


def test_recorded_grades_come_back(world) -> None:
    # the case: grades ['○', '○'] came back [None, '△']
    home = world["home"]
    kpi = core.KPI("調査の実施", "", core.Direction.HIGHER, core.Aggregation.LEVEL,
                   core.Target(core.TargetKind.QUALITATIVE, None, 2029, "実施"),
                   actuals=(core.Actual(2025, core.ActualState.RECORDED, note="実施済"),),
                   judgement=core.Judgement("○", "調査を実施した"))
    numeric = core.KPI("来訪者数", "人", core.Direction.HIGHER, core.Aggregation.LEVEL,
                       core.Target(core.TargetKind.LEVEL, 100.0, 2029, "100人"),
                       actuals=(core.Actual(2025, core.ActualState.NUMBER, 50.0),),
                       comparison_value=95.0)
    original = core.Strategy("テスト戦略", 2025, 2029, (core.BasicGoal("目標", (
        core.Measure("施策", (core.Project("事業", (kpi, numeric)),)),)),), home.organisation.name)
    stored, _ = to_core(from_core(home.users["planning"], home.organisation, original))
    result = core.evaluate_strategy(stored, core.get_scheme("standard"), 2025)
    assert [ev.grade for _, evs in result.by_goal for ev in evs] == ["○", "○"]
