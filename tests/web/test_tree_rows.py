"""The tree read a level a query gives what prefetch_related gave: the same rows under the same
parents in the same order, each child's parent known, and no query walking up or down."""

from __future__ import annotations

from decimal import Decimal

from django.db import connection
from django.db.models import Prefetch
from django.test.utils import CaptureQueriesContext

from sousei.web.strategies.models import KPI, Actual, BasicGoal, Direction, Measure, Project
from sousei.web.strategies.tree_rows import tree_rows


def _prefetched(strategy) -> list:
    goals = list(BasicGoal.objects.filter(strategy_ref=strategy).prefetch_related(
        "directions__measures__projects",
        Prefetch("directions__measures__projects__kpis", queryset=KPI.objects.all()),
        Prefetch("directions__measures__projects__kpis__actuals",
                 queryset=Actual.objects.order_by("fiscal_year"))))
    return [(g.pk, [(d.pk, [(m.pk, [(p.pk, [(k.pk, [a.pk for a in k.actuals.all()])
                                            for k in p.kpis.all()])
                                    for p in m.projects.all()])
                            for m in d.measures.all()])
                    for d in g.directions.all()])
            for g in goals]


def test_same_tree_as_prefetch_related_with_no_query_after(world) -> None:
    home = world["home"]
    # A second branch, numbers out of creation order, actuals out of year order.
    goal = BasicGoal.objects.create(strategy_ref=home.strategy, number=0, name="人の流れ")
    direction = Direction.objects.create(goal=goal, number=2, name="移住")
    Direction.objects.create(goal=goal, number=1, name="関係人口")
    measure = Measure.objects.create(direction=direction, number=1, name="相談窓口")
    project = Project.objects.create(measure=measure, number=1, name="移住相談")
    kpi = KPI.objects.create(project=project, number=1, name="移住者数", unit="人",
                             target_value=Decimal(50), target_year=2026, department="企画課")
    for year in (2024, 2022, 2023):
        Actual.objects.create(kpi=kpi, fiscal_year=year, state="number", value=Decimal(year))
    levels = tree_rows(home.strategy)
    with CaptureQueriesContext(connection) as queries:
        got = [(g.pk, [(d.pk, [(m.pk, [(p.pk, [(k.pk, [a.pk for a in k.actuals.all()])
                                               for k in p.kpis.all()])
                                       for p in m.projects.all()])
                               for m in d.measures.all()])
                       for d in g.directions.all()])
               for g in levels[0]]
        walked = {k.pk: (k.strategy.pk, k.project.measure.direction.goal.pk) for k in levels[4]}
        assert all(a.kpi in levels[4] for a in levels[5])
        lengths = [len(p.kpis.all()) for p in levels[3]]
    assert len(queries) == 0
    assert got == _prefetched(home.strategy)
    assert walked[kpi.pk] == (home.strategy.pk, goal.pk)
    assert [len(level) for level in levels] == [2, 3, 2, 2, 3, 4]
    assert sorted(lengths) == [1, 2]
    assert [a.fiscal_year for a in levels[4][0].actuals.all()] == [2022, 2023, 2024]
