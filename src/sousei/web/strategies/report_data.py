"""The strategy's 効果検証報告書 from the database: the same evaluation as the evaluation page
(`sousei.strategy` through `to_core`), the partnership's project sheets, the committee's
comments as plain :class:`CommitteeComment` data and the organisation's target population."""

from __future__ import annotations

from django.utils import timezone

from sousei import strategy as core
from sousei.japanese import format_fiscal_year
from sousei.reports.html import Document
from sousei.reports.kpi import kpi_document
from sousei.reports.vision_outlook import PopulationTarget
from sousei.web.strategies import models as db
from sousei.web.strategies.convert import to_core
from sousei.web.strategies.evaluation import default_as_of, scheme_of
from sousei.web.vision.models import VisionChoice


def committee_comments(strategy: db.Strategy) -> list[core.CommitteeComment]:
    """Every comment on the strategy's goals and KPIs, with the 委員の区分 stored on it."""
    goal_rows = db.Comment.objects.filter(goal__strategy_ref=strategy).select_related("goal")
    kpi_rows = db.Comment.objects.filter(
        kpi__project__measure__direction__goal__strategy_ref=strategy
    ).select_related("kpi")
    comments = [
        core.CommitteeComment(c.body, "基本目標", c.goal.name, sector=c.sector,
                              given_on=timezone.localdate(c.created_at))
        for c in goal_rows
    ]
    comments += [
        core.CommitteeComment(c.body, "KPI", c.kpi.name, sector=c.sector,
                              given_on=timezone.localdate(c.created_at))
        for c in kpi_rows
    ]
    return comments


def population_target(strategy: db.Strategy) -> PopulationTarget | None:
    choice = (VisionChoice.objects.filter(organisation=strategy.organisation)
              .select_related("scenario").first())
    if choice is None or not choice.target_population or not choice.target_year:
        return None
    scenario = choice.scenario.name if choice.scenario is not None else ""
    return PopulationTarget(choice.target_population, choice.target_year, scenario)


def strategy_report(strategy: db.Strategy, as_of: int | None = None) -> tuple[Document, str]:
    """The document and its file stem (効果検証報告書_<strategy>_令和5年度)."""
    core_strategy, _ = to_core(strategy)
    evaluation = core.evaluate_strategy(core_strategy, scheme_of(strategy),
                                        as_of or default_as_of(strategy))
    projects = [p for goal in core_strategy.goals for measure in goal.measures
                for p in measure.projects if p.roles or p.budgets]
    document = kpi_document(evaluation, projects, committee_comments(strategy),
                            population_target(strategy))
    return document, f"効果検証報告書_{strategy.name}_{format_fiscal_year(evaluation.as_of)}"
