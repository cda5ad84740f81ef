"""Map DB rows to the pure `sousei.strategy` dataclasses and back.

`to_core` feeds the evaluation (grading lives only in `sousei.strategy`); `from_core` stores a
strategy read by `sousei.io` or built for the demo, in one transaction with audit events.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from sousei import strategy as core
from sousei.web.accounts.models import Organisation
from sousei.web.strategies import models as db
from sousei.web.strategies.versioning import create_audited


def _f(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _d(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(repr(value))


def kpi_to_core(kpi: db.KPI) -> core.KPI:
    return core.KPI(
        name=kpi.name,
        unit=kpi.unit,
        direction=core.Direction(kpi.direction),
        aggregation=core.Aggregation(kpi.aggregation),
        target=core.Target(core.TargetKind(kpi.target_kind), _f(kpi.target_value),
                           kpi.target_year, kpi.target_text),
        baseline=_f(kpi.baseline),
        baseline_year=kpi.baseline_year,
        actuals=tuple(
            core.Actual(a.fiscal_year, core.ActualState(a.state), _f(a.value), a.note)
            for a in kpi.actuals.all()
        ),
        department=kpi.department,
    )


def to_core(strategy: db.Strategy) -> tuple[core.Strategy, list[list[int]]]:
    """The core strategy and, per goal, the DB ids of its KPIs in the core's order."""
    goals, ids = [], []
    for goal in strategy.goals.prefetch_related(
        "directions__measures__projects__kpis__actuals", "directions__measures__projects__roles",
        "directions__measures__projects__budgets",
    ):
        measures, goal_ids = [], []
        for direction in goal.directions.all():
            for measure in direction.measures.all():
                projects = []
                for project in measure.projects.all():
                    kpis = list(project.kpis.all())
                    goal_ids += [k.pk for k in kpis]
                    projects.append(core.Project(
                        name=project.name, kpis=tuple(kpi_to_core(k) for k in kpis),
                        purpose=project.purpose,
                        departments=tuple(d for d in project.departments.split("、") if d),
                        roles=tuple(core.Role(r.label, r.role) for r in project.roles.all()),
                        budgets=tuple(core.Budget(b.fiscal_year, _f(b.thousand_yen))
                                      for b in project.budgets.all()),
                    ))
                measures.append(core.Measure(measure.name, tuple(projects), direction.name))
        goals.append(core.BasicGoal(goal.name, tuple(measures)))
        ids.append(goal_ids)
    result = core.Strategy(strategy.name, strategy.plan_start, strategy.plan_end, tuple(goals),
                           strategy.organisation.name)
    return result, ids


def _kpi_fields(kpi: core.KPI) -> dict[str, Any]:
    return {
        "name": kpi.name, "unit": kpi.unit, "direction": kpi.direction.value,
        "aggregation": kpi.aggregation.value, "target_kind": kpi.target.kind.value,
        "target_value": _d(kpi.target.value), "target_year": kpi.target.fiscal_year,
        "target_text": kpi.target.text, "baseline": _d(kpi.baseline),
        "baseline_year": kpi.baseline_year, "department": kpi.department,
    }


def _store_project(actor: Any, measure: db.Measure, number: int, project: core.Project,
                   partners: dict[str, Organisation]) -> None:
    row = create_audited(actor, db.Project(
        measure=measure, number=number, name=project.name, purpose=project.purpose,
        departments="、".join(project.departments)), "事業の登録")
    for role in project.roles:
        create_audited(actor, db.PartnerRole(project=row, label=role.municipality, role=role.role,
                                             municipality=partners.get(role.municipality)),
                       "役割分担の登録")
    for budget in project.budgets:
        create_audited(actor, db.Budget(project=row, fiscal_year=budget.fiscal_year,
                                        thousand_yen=_d(budget.thousand_yen)), "事業費の登録")
    for k_number, kpi in enumerate(project.kpis, 1):
        kpi_row = create_audited(actor, db.KPI(project=row, number=k_number, **_kpi_fields(kpi)),
                                 "KPIの登録")
        for actual in kpi.actuals:
            create_audited(actor, db.Actual(kpi=kpi_row, fiscal_year=actual.fiscal_year,
                                            state=actual.state.value, value=_d(actual.value),
                                            note=actual.note), "実績値の登録")


@transaction.atomic
def from_core(actor: Any, organisation: Organisation, strategy: core.Strategy,
              is_demo: bool = False) -> db.Strategy:
    """Store a whole core strategy (all or nothing); measures sharing a direction are grouped."""
    partners = {o.name: o for o in [organisation, *organisation.members.all()]}
    row = create_audited(actor, db.Strategy(
        organisation=organisation, name=strategy.name, plan_start=strategy.plan_start,
        plan_end=strategy.plan_end, is_demo=is_demo), "総合戦略の登録")
    for g_number, goal in enumerate(strategy.goals, 1):
        goal_row = create_audited(actor, db.BasicGoal(strategy_ref=row, number=g_number,
                                                      name=goal.name), "基本目標の登録")
        directions: dict[str, db.Direction] = {}
        for m_number, measure in enumerate(goal.measures, 1):
            name = measure.direction or goal.name
            if name not in directions:
                directions[name] = create_audited(actor, db.Direction(
                    goal=goal_row, number=len(directions) + 1, name=name), "基本的方向の登録")
            measure_row = create_audited(actor, db.Measure(
                direction=directions[name], number=m_number, name=measure.name), "施策の登録")
            for p_number, project in enumerate(measure.projects, 1):
                _store_project(actor, measure_row, p_number, project, partners)
    return row
