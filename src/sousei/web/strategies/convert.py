"""Map DB rows to the pure `sousei.strategy` dataclasses and back, with no field lost.

`to_core` feeds the evaluation (grading lives only in `sousei.strategy`); `from_core` stores a
strategy read by `sousei.io` or built for the demo, in one transaction with audit events.
core -> database -> core returns an equal strategy (tests/web/test_convert_property.py).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.db import transaction

from sousei import strategy as core
from sousei.io.strategy.cells import DEFAULT_WORDING
from sousei.strategy.targets import target_wording
from sousei.web.accounts.models import Organisation
from sousei.web.strategies import models as db
from sousei.web.strategies.versioning import create_audited


def to_float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _d(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(repr(value))


def actual_to_core(a: db.Actual) -> core.Actual:
    """The stored actual; a note that is only the default wording of its state (統計未公表
    typed in the entry form) is that state's plain form, as the workbook reader gives it."""
    state = core.ActualState(a.state)
    note = "" if a.note == DEFAULT_WORDING.get(state) else a.note
    return core.Actual(a.fiscal_year, state, to_float(a.value), note, a.observed_year)


def _target(kpi: db.KPI) -> core.Target:
    """The stored target; a blank 目標値(表記) gets the wording its kind and value give, as the
    workbook writer prints it, so an export reads back as the same KPI."""
    target = core.Target(core.TargetKind(kpi.target_kind), to_float(kpi.target_value),
                         kpi.target_year, kpi.target_text)
    if target.text:
        return target
    return replace(target, text=target_wording(target, kpi.unit, kpi.strategy.plan_start))


def kpi_to_core(kpi: db.KPI, actuals: list[db.Actual] | None = None) -> core.KPI:
    """The core KPI; `actuals` when the caller has just read them (the KPI page), else its
    stored ones."""
    judgement = (core.Judgement(kpi.judgement_grade, kpi.judgement_reason)
                 if kpi.judgement_grade else None)
    return core.KPI(
        name=kpi.name,
        unit=kpi.unit,
        direction=core.Direction(kpi.direction),
        aggregation=core.Aggregation(kpi.aggregation),
        target=_target(kpi),
        baseline=to_float(kpi.baseline),
        baseline_year=kpi.baseline_year,
        actuals=tuple(actual_to_core(a) for a in (kpi.actuals.all() if actuals is None
                                                  else actuals)),
        baseline_note=kpi.baseline_note,
        comparison_value=to_float(kpi.comparison_value),
        department=kpi.department,
        judgement=judgement,
        notes=tuple(kpi.notes),
    )


def project_to_core(project: db.Project, kpis: list[db.KPI]) -> core.Project:
    return core.Project(
        name=project.name, kpis=tuple(kpi_to_core(k) for k in kpis), purpose=project.purpose,
        departments=tuple(d for d in project.departments.split("、") if d),
        roles=tuple(core.Role(r.label, r.role) for r in project.roles.all()),
        partners=tuple(project.partners),
        budgets=tuple(core.Budget(b.fiscal_year, to_float(b.thousand_yen))
                      for b in project.budgets.all()),
    )


def _numerical_to_core(nt: db.NumericalTarget) -> core.NumericalTarget:
    return core.NumericalTarget(nt.indicator, nt.unit, to_float(nt.baseline), to_float(nt.ipss_estimate),
                                to_float(nt.target), to_float(nt.actual), nt.period, nt.note)


def to_core(strategy: db.Strategy) -> tuple[core.Strategy, list[list[int]]]:
    """The core strategy and, per goal, the DB ids of its KPIs in the core's order."""
    goals, ids = [], []
    for goal in strategy.goals.prefetch_related(
        "directions__measures__projects__kpis__actuals", "directions__measures__projects__roles",
        "directions__measures__projects__budgets", "numerical_targets",
    ):
        measures = sorted(((m, d) for d in goal.directions.all() for m in d.measures.all()),
                          key=lambda pair: pair[0].number)
        core_measures, goal_ids = [], []
        for measure, direction in measures:
            projects = []
            for project in measure.projects.all():
                kpis = list(project.kpis.all())
                goal_ids += [k.pk for k in kpis]
                projects.append(project_to_core(project, kpis))
            core_measures.append(core.Measure(measure.name, tuple(projects), direction.name))
        numerical = tuple(_numerical_to_core(nt) for nt in goal.numerical_targets.all())
        goals.append(core.BasicGoal(goal.name, tuple(core_measures), numerical))
        ids.append(goal_ids)
    result = core.Strategy(strategy.name, strategy.plan_start, strategy.plan_end, tuple(goals),
                           strategy.organisation.name)
    return result, ids


def kpi_fields(kpi: core.KPI) -> dict[str, Any]:
    """Every field of a core KPI as DB column values."""
    judgement = kpi.judgement
    return {
        "name": kpi.name, "unit": kpi.unit, "direction": kpi.direction.value,
        "aggregation": kpi.aggregation.value, "target_kind": kpi.target.kind.value,
        "target_value": _d(kpi.target.value), "target_year": kpi.target.fiscal_year,
        "target_text": kpi.target.text, "baseline": _d(kpi.baseline),
        "baseline_year": kpi.baseline_year, "baseline_note": kpi.baseline_note,
        "comparison_value": _d(kpi.comparison_value), "department": kpi.department,
        "judgement_grade": judgement.grade if judgement else "",
        "judgement_reason": judgement.reason if judgement else "", "notes": list(kpi.notes),
    }


def actual_fields(actual: core.Actual) -> dict[str, Any]:
    return {"state": actual.state.value, "value": _d(actual.value), "note": actual.note,
            "observed_year": actual.observed_year}


def project_fields(project: core.Project) -> dict[str, Any]:
    return {"name": project.name, "purpose": project.purpose,
            "departments": "、".join(project.departments), "partners": list(project.partners)}


def numerical_fields(nt: core.NumericalTarget) -> dict[str, Any]:
    return {"indicator": nt.indicator, "unit": nt.unit, "baseline": _d(nt.baseline),
            "ipss_estimate": _d(nt.ipss_estimate), "target": _d(nt.target),
            "actual": _d(nt.actual), "period": nt.period, "note": nt.note}


def store_kpi(actor: Any, project: db.Project, number: int, kpi: core.KPI) -> db.KPI:
    row = create_audited(actor, db.KPI(project=project, number=number, **kpi_fields(kpi)),
                         "KPIの登録")
    for actual in kpi.actuals:
        create_audited(actor, db.Actual(kpi=row, fiscal_year=actual.fiscal_year,
                                        **actual_fields(actual)), "実績値の登録")
    return row


def store_project(actor: Any, measure: db.Measure, number: int, project: core.Project,
                  partners: dict[str, Organisation]) -> db.Project:
    row = create_audited(actor, db.Project(measure=measure, number=number,
                                           **project_fields(project)), "事業の登録")
    for role in project.roles:
        create_audited(actor, db.PartnerRole(project=row, label=role.municipality, role=role.role,
                                             municipality=partners.get(role.municipality)),
                       "役割分担の登録")
    for budget in project.budgets:
        create_audited(actor, db.Budget(project=row, fiscal_year=budget.fiscal_year,
                                        thousand_yen=_d(budget.thousand_yen)), "事業費の登録")
    for k_number, kpi in enumerate(project.kpis, 1):
        store_kpi(actor, row, k_number, kpi)
    return row


def store_goal(actor: Any, strategy: db.Strategy, number: int, goal: core.BasicGoal,
               partners: dict[str, Organisation]) -> db.BasicGoal:
    """One basic goal with its tree; measures sharing a direction are grouped under it."""
    goal_row = create_audited(actor, db.BasicGoal(strategy_ref=strategy, number=number,
                                                  name=goal.name), "基本目標の登録")
    directions: dict[str, db.Direction] = {}
    for m_number, measure in enumerate(goal.measures, 1):
        name = measure.direction
        if name not in directions:
            directions[name] = create_audited(actor, db.Direction(
                goal=goal_row, number=len(directions) + 1, name=name), "基本的方向の登録")
        measure_row = create_audited(actor, db.Measure(
            direction=directions[name], number=m_number, name=measure.name), "施策の登録")
        for p_number, project in enumerate(measure.projects, 1):
            store_project(actor, measure_row, p_number, project, partners)
    for n_number, nt in enumerate(goal.numerical_targets, 1):
        create_audited(actor, db.NumericalTarget(goal=goal_row, number=n_number,
                                                 **numerical_fields(nt)), "数値目標の登録")
    return goal_row


def partner_index(organisation: Organisation) -> dict[str, Organisation]:
    return {o.name: o for o in [organisation, *organisation.members.all()]}


@transaction.atomic
def from_core(actor: Any, organisation: Organisation, strategy: core.Strategy,
              is_demo: bool = False, custom_scheme: dict | None = None) -> db.Strategy:
    """Store a whole core strategy (all or nothing)."""
    partners = partner_index(organisation)
    row = create_audited(actor, db.Strategy(
        organisation=organisation, name=strategy.name, plan_start=strategy.plan_start,
        plan_end=strategy.plan_end, is_demo=is_demo, custom_scheme=custom_scheme),
        "総合戦略の登録")
    for g_number, goal in enumerate(strategy.goals, 1):
        store_goal(actor, row, g_number, goal, partners)
    return row
