"""A strategy's whole tree (goals -> directions -> measures -> projects -> KPIs -> actuals) in
one query a level, compiled once (web/prepared.py).

The tree page reads every row on every view for the key of its kept table. Django's
prefetch_related gave the same rows in six queries too, but compiled each of them (with an
IN list of the parents' ids) on every request. Here each level is asked by the strategy's id
and the rows are hung on their parents as prefetch_related would: each parent's children in
the model's order behind ``parent.<children>.all()``, each child's parent without a query.
"""

from __future__ import annotations

from django.db import models
from django.db.models.query import QuerySet

from sousei.web.prepared import Prepared
from sousei.web.strategies.models import (
    KPI,
    Actual,
    BasicGoal,
    Direction,
    Measure,
    Project,
    Strategy,
)

# (query of the level by strategy id, the foreign key to the level above, its children's name)
_LEVELS: tuple[tuple[Prepared, str, str], ...] = (
    (Prepared(lambda s: BasicGoal.objects.filter(strategy_ref_id=s)), "", "directions"),
    (Prepared(lambda s: Direction.objects.filter(goal__strategy_ref_id=s)), "goal", "measures"),
    (Prepared(lambda s: Measure.objects.filter(direction__goal__strategy_ref_id=s)),
     "direction", "projects"),
    (Prepared(lambda s: Project.objects.filter(measure__direction__goal__strategy_ref_id=s)),
     "measure", "kpis"),
    (Prepared(lambda s: KPI.objects.filter(
        project__measure__direction__goal__strategy_ref_id=s)), "project", "actuals"),
    (Prepared(lambda s: Actual.objects.filter(
        kpi__project__measure__direction__goal__strategy_ref_id=s).order_by("fiscal_year")),
     "kpi", ""),
)


def tree_rows(strategy: Strategy) -> list[list[models.Model]]:
    """The rows of each level, each level in tree order; the goals know ``strategy``."""
    levels: list[list[models.Model]] = []
    children_name = ""  # of the level above
    for query, up, below in _LEVELS:
        rows = query(strategy.pk)
        if levels:
            rows = _hang(levels[-1], rows, up, children_name)
        else:
            for goal in rows:
                goal.strategy_ref = strategy
        levels.append(rows)
        children_name = below
    return levels


def _hang(parents: list[models.Model], rows: list[models.Model], up: str,
          children_name: str) -> list[models.Model]:
    """Each row under its parent; returns the rows in their parents' order."""
    if not parents:
        return []
    model = parents[0]._meta.get_field(children_name).related_model
    by_id = {p.pk: p for p in parents}
    groups: dict[object, list[models.Model]] = {p.pk: [] for p in parents}
    for row in rows:
        parent_id = getattr(row, f"{up}_id")
        groups[parent_id].append(row)
        setattr(row, up, by_id[parent_id])
    for parent in parents:
        kept: QuerySet = QuerySet(model)
        kept._result_cache = groups[parent.pk]
        kept._prefetch_done = True
        parent._prefetched_objects_cache = {children_name: kept}  # fresh rows: nothing else
    return [row for parent in parents for row in groups[parent.pk]]
