"""The stored logic model as the core's `LogicModel`, with each indicator's trend and grade."""

from __future__ import annotations

from dataclasses import dataclass

from sousei.strategy.logic_model import Indicator, Level, LogicModel
from sousei.web.logic.models import LogicIndicator, LogicLink, MeasureLink
from sousei.web.strategies.evaluation import grade_kpi
from sousei.web.strategies.models import Strategy


@dataclass(frozen=True)
class IndicatorView:
    row: LogicIndicator
    grade: str | None  # the linked KPI's grade (○△× …), None without a KPI or while pending
    trend: list[tuple[int, float]]  # (fiscal year, actual) of the linked KPI


def load(strategy: Strategy) -> tuple[LogicModel, list[IndicatorView]]:
    rows = list(LogicIndicator.objects.filter(strategy_ref=strategy).select_related("kpi"))
    links = LogicLink.objects.filter(low__strategy_ref=strategy).select_related("low", "high")
    measures = (MeasureLink.objects.filter(output__strategy_ref=strategy)
                .select_related("measure", "output"))
    model = LogicModel(
        indicators=tuple(Indicator(r.code, r.name, Level(r.level), r.unit) for r in rows),
        links=tuple((link.low.code, link.high.code) for link in links),
        measure_links=tuple((m.measure.name, m.output.code) for m in measures),
    )
    views = []
    for row in rows:
        grade, trend = None, []
        if row.kpi is not None:
            grade = grade_kpi(row.kpi).symbol
            trend = [(a.fiscal_year, float(a.value)) for a in row.kpi.actuals.all()
                     if a.value is not None]
        views.append(IndicatorView(row, grade, trend))
    return model, views
