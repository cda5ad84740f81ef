"""Roll-up of partnership projects on the demo strategy (demo_content.py's figures by hand)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sousei import strategy as core
from sousei.strategy.rollup import budgets_by_year, grade_counts, kpis_by_partner, shared_projects
from sousei.web.strategies.demo_content import demo_strategy

STANDARD = core.get_scheme("standard")


def test_demo_budgets_summed_per_year() -> None:
    projects = shared_projects([demo_strategy()], [STANDARD])
    assert [sp.project.name for sp in projects] == [
        "圏域特産品フェア開催事業（デモ）", "新規就農者研修事業（デモ）", "移住相談窓口共同運営事業（デモ）"]
    budgets = {b.fiscal_year: b for b in budgets_by_year(projects)}
    assert budgets[2022].thousand_yen == 1800 + 600 + 2400
    assert budgets[2024].thousand_yen == 1900 + 650 + 2300
    assert (budgets[2025].thousand_yen, budgets[2025].decided, budgets[2025].undecided) == (0, 0, 3)


def test_two_partnerships_add_up() -> None:
    one = demo_strategy()
    projects = shared_projects([one, one], [STANDARD, STANDARD])
    assert budgets_by_year(projects)[0].thousand_yen == 2 * (1800 + 600 + 2400)


def test_demo_kpis_per_partner_graded() -> None:
    by_partner = kpis_by_partner(shared_projects([demo_strategy()], [STANDARD]), 2023)
    assert list(by_partner) == ["久留米市", "連携市町"]
    kurume = by_partner["久留米市"]
    assert [(k.project, k.role, k.evaluation.kpi.name) for k in kurume][:2] == [
        ("圏域特産品フェア開催事業（デモ）", "会場・出展者の調整", "フェア来場者数"),
        ("新規就農者研修事業（デモ）", "研修の企画・運営", "新規就農者数")]
    # 10,400 / 12,000 = 86.7% ○; (6 + 9) / 40 = 37.5% △; 310 / 500 = 62% △; pending
    assert [k.evaluation.grade for k in kurume] == ["○", "△", "△", None]
    assert grade_counts(kurume, STANDARD.symbols) == {"○": 1, "△": 2, "×": 0, "未評価": 1}


def test_partners_without_roles_are_listed_as_related() -> None:
    kpi = core.KPI("参加者数", "人", core.Direction.HIGHER, core.Aggregation.LEVEL,
                   core.Target(core.TargetKind.LEVEL, 10.0, 2026))
    project = core.Project("共同研修", (kpi,), partners=("大川市",))
    plan = core.Strategy("圏域", 2022, 2026, (core.BasicGoal("g", (core.Measure("m", (project,)),)),))
    found = kpis_by_partner(shared_projects([plan], [STANDARD]), 2022)
    assert [(k.partner, k.role) for k in found["大川市"]] == [("大川市", "関係市町")]


def test_schemes_must_pair_with_strategies() -> None:
    with pytest.raises(ValueError, match="評価方式"):
        shared_projects([demo_strategy()], [])


@given(st.lists(st.one_of(st.none(), st.floats(0, 1e7)), min_size=1, max_size=6))
def test_sum_ignores_undecided_and_counts_them(amounts: list[float | None]) -> None:
    projects = tuple(core.Project(f"p{i}", roles=(core.Role("A", "r"),),
                                  budgets=(core.Budget(2024, a),))
                     for i, a in enumerate(amounts))
    plan = core.Strategy("s", 2022, 2026, (core.BasicGoal("g", (core.Measure("m", projects),)),))
    (year,) = budgets_by_year(shared_projects([plan], [STANDARD]))
    decided = [a for a in amounts if a is not None]
    assert year.thousand_yen == pytest.approx(sum(decided))
    assert (year.decided, year.undecided) == (len(decided), len(amounts) - len(decided))
