"""write -> read returns the same strategy, for generated strategies of every shape."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sousei.io.strategy.progress import read_progress_workbook, write_progress_workbook
from sousei.strategy import (
    KPI,
    Actual,
    ActualState,
    Aggregation,
    BasicGoal,
    Direction,
    Judgement,
    Measure,
    Project,
    Strategy,
    TargetKind,
    read_target,
)
from sousei.testing import assert_strategies_equal

PLAN = (2025, 2029)
names = st.text(alphabet="創生事業施策指標まちひと①ＡB12", min_size=1, max_size=6)
numbers = st.integers(-10**6, 10**6).map(float) | st.decimals(
    -1000, 1000, places=2, allow_nan=False, allow_infinity=False
).map(float)
TARGET_FORMS = ["5年間に{n}{u}", "{n}{u}", "{n}{u}以上", "{n}{u}以下", "{n}{u}(R6)"]


@st.composite
def actuals(draw, qualitative: bool) -> tuple[Actual, ...]:
    years = draw(st.lists(st.integers(*PLAN), unique=True, max_size=5))
    found = []
    for year in sorted(years):
        choices = [
            st.builds(Actual, st.just(year), st.just(ActualState.NUMBER), numbers),
            st.builds(Actual, st.just(year), st.just(ActualState.NUMBER), numbers,
                      st.sampled_from(["", "実績値", "速報値"]),
                      st.none() | st.integers(2015, year - 1)),
            st.sampled_from([Actual(year, ActualState.PENDING),
                             Actual(year, ActualState.PENDING, note="国勢調査結果公表後、記入予定"),
                             Actual(year, ActualState.NOT_OBTAINABLE),
                             Actual(year, ActualState.NOT_CARRIED_OUT, note="事業終了")]),
        ]
        if qualitative:
            choices.append(st.just(Actual(year, ActualState.RECORDED, note="実施済")))
        found.append(draw(st.one_of(choices)))
    return tuple(found)


@st.composite
def kpis(draw) -> KPI:
    unit = draw(st.sampled_from(["件", "人", "%", ""]))
    direction = draw(st.sampled_from(list(Direction)))
    aggregation = draw(st.sampled_from(list(Aggregation)))
    if draw(st.booleans()):
        text = draw(st.sampled_from(TARGET_FORMS)).format(n=draw(st.integers(1, 10**5)), u=unit)
    else:
        text = draw(st.sampled_from(["実施", "全国平均正答率に到達"]))
    baseline = draw(st.none() | numbers)
    reading = read_target(text, PLAN[1], baseline, direction, aggregation)
    qualitative = reading.target.kind is TargetKind.QUALITATIVE
    acts = draw(actuals(qualitative))
    failed = acts and acts[-1].state in (ActualState.NOT_CARRIED_OUT, ActualState.NOT_OBTAINABLE)
    judged = qualitative and not failed and draw(st.booleans())
    return KPI(
        name=draw(names),
        unit=reading.unit or unit,
        direction=reading.direction,
        aggregation=reading.aggregation,
        target=reading.target,
        baseline=None if qualitative else baseline,
        baseline_year=draw(st.sampled_from([None, 2023])) if baseline is not None else None,
        baseline_note="未着手" if qualitative and baseline is not None else "",
        actuals=acts,
        comparison_value=None if qualitative else draw(st.none() | numbers),
        department=draw(st.sampled_from(["", "産業振興課"])),
        judgement=Judgement("○", draw(st.sampled_from(["", "実施した"]))) if judged else None,
        notes=tuple(draw(st.lists(st.just("※測定方法を変更"), max_size=1))),
    )


def _unique(items: list, key) -> list:
    seen, kept = set(), []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            kept.append(item)
    return kept


projects = st.builds(lambda n, k: Project(n, tuple(k)), names, st.lists(kpis(), max_size=3))
measures = st.builds(
    lambda n, p: Measure(n, tuple(_unique(p, lambda x: x.name))), names,
    st.lists(projects, max_size=3),
)
goals = st.builds(
    lambda n, m: BasicGoal(n, tuple(_unique(m, lambda x: x.name))), names,
    st.lists(measures, max_size=3),
)
strategies = st.builds(
    lambda g: Strategy("テスト市総合戦略", *PLAN, tuple(_unique(g, lambda x: x.name))),
    st.lists(goals, min_size=1, max_size=3),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies)
def test_write_then_read_returns_the_same_strategy(strategy: Strategy) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = write_progress_workbook(strategy, Path(tmp) / "s.xlsx")
        assert_strategies_equal(read_progress_workbook(out).strategy, strategy)
