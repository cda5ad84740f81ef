"""The strategy's 効果検証報告書 from the database: the same evaluation as the evaluation page
(`sousei.strategy` through `to_core`), the partnership's project sheets, the committee's
comments as plain :class:`CommitteeComment` data and the organisation's target population."""

from __future__ import annotations

from django.utils import timezone

from sousei import strategy as core
from sousei.japanese import format_fiscal_year
from sousei.reports.html import Document
from sousei.reports.kpi import kpi_document
from sousei.reports.kpi_logic import IndicatorStatus
from sousei.reports.vision_outlook import PopulationTarget
from sousei.strategy.logic_model import LogicModel
from sousei.web.logic.convert import load
from sousei.web.strategies import models as db
from sousei.web.strategies.convert import to_core
from sousei.web.strategies.evaluation import default_as_of, scheme_of
from sousei.web.vision.models import VisionChoice


def _target(comment: db.Comment) -> tuple[str, str]:
    subject = comment.subject
    return comment.subject_kind, subject.name


def committee_comments(strategy: db.Strategy) -> list[core.CommitteeComment]:
    """Every comment on the strategy's goals, measures, projects and KPIs, with the 委員の区分
    stored on it and the planning department's reply."""
    path = "direction__goal__strategy_ref"
    rows = (db.Comment.objects.filter(goal__strategy_ref=strategy)
            | db.Comment.objects.filter(**{f"measure__{path}": strategy})
            | db.Comment.objects.filter(**{f"project__measure__{path}": strategy})
            | db.Comment.objects.filter(**{f"kpi__project__measure__{path}": strategy}))
    return [
        core.CommitteeComment(c.body, *_target(c), sector=c.sector,
                              given_on=timezone.localdate(c.created_at), reply=c.reply)
        for c in rows.select_related("goal", "measure", "project", "kpi").order_by("id")
    ]


def review_of(strategy: db.Strategy) -> core.Review:
    """Self-evaluations in the strategy's KPI order, the committee roster and its meetings."""
    reviews = db.KPIReview.objects.filter(
        kpi__project__measure__direction__goal__strategy_ref=strategy
    ).select_related("kpi").order_by("kpi__project__measure__direction__goal__number",
                                     "kpi__project__measure__number", "kpi__project__number",
                                     "kpi__number", "fiscal_year")
    return core.Review(
        tuple(core.SelfEvaluation(r.kpi.name, r.fiscal_year, r.self_evaluation, r.next_step,
                                  r.kpi.department) for r in reviews),
        tuple(core.CommitteeMember(m.name, m.affiliation, m.title, m.sector)
              for m in strategy.committee.all()),
        tuple(core.Meeting(m.held_on, m.title) for m in strategy.meetings.all()),
    )


def population_target(strategy: db.Strategy) -> PopulationTarget | None:
    choice = (VisionChoice.objects.filter(organisation=strategy.organisation)
              .select_related("scenario").first())
    if choice is None or not choice.target_population or not choice.target_year:
        return None
    scenario = choice.scenario.name if choice.scenario is not None else ""
    return PopulationTarget(choice.target_population, choice.target_year, scenario)


def logic_model(strategy: db.Strategy) -> tuple[LogicModel, dict[str, IndicatorStatus]] | None:
    """The strategy's logic model with each indicator's grade and trend, None without one."""
    model, views = load(strategy)
    if not model.indicators:
        return None
    return model, {v.row.code: IndicatorStatus(v.grade, tuple(v.trend)) for v in views}


def strategy_report(strategy: db.Strategy, as_of: int | None = None) -> tuple[Document, str]:
    """The document and its file stem (効果検証報告書_<strategy>_令和5年度)."""
    core_strategy, _ = to_core(strategy)
    evaluation = core.evaluate_strategy(core_strategy, scheme_of(strategy),
                                        as_of or default_as_of(strategy))
    projects = [p for goal in core_strategy.goals for measure in goal.measures
                for p in measure.projects if p.roles or p.budgets]
    document = kpi_document(evaluation, projects, committee_comments(strategy),
                            population_target(strategy), review_of(strategy),
                            logic_model(strategy))
    return document, f"効果検証報告書_{strategy.name}_{format_fiscal_year(evaluation.as_of)}"
