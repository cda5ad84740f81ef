"""Counts and shares of grades per basic goal and for the whole strategy.

Shares are whole per cent rounded half up as the printed 基本目標達成状況等一覧表 shows them
(5/8 = 62.5% prints 63%), so they may add up to 99 or 101; the denominator follows the scheme
(by default failures count, pending KPIs do not, and the table says so).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sousei.japanese import round_half_up
from sousei.strategy.evaluation import Evaluation, Status, evaluate_kpi
from sousei.strategy.grading import GradingScheme
from sousei.strategy.model import Strategy


@dataclass(frozen=True)
class GradeSummary:
    name: str
    kpi_count: int
    counts: dict[str, int]  # every grade symbol of the scheme, best first
    pending: int
    shares: dict[str, int]  # whole per cent of the denominator, half up
    denominator: int

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "kpi_count": self.kpi_count,
            "grades": dict(self.counts),
            "pending": self.pending,
            "shares": dict(self.shares),
        }


@dataclass(frozen=True)
class StrategyEvaluation:
    """Every KPI's evaluation grouped by basic goal, with the summaries the tables print."""

    strategy: Strategy
    scheme: GradingScheme
    as_of: int
    by_goal: tuple[tuple[str, tuple[Evaluation, ...]], ...]

    @property
    def goals(self) -> tuple[GradeSummary, ...]:
        return tuple(summarize(name, evs, self.scheme) for name, evs in self.by_goal)

    @property
    def total(self) -> GradeSummary:
        every = [ev for _, evs in self.by_goal for ev in evs]
        return summarize("合計", every, self.scheme)

    def as_dict(self) -> dict[str, object]:
        return {
            "scheme": self.scheme.name,
            "as_of": self.as_of,
            "goals": [g.as_dict() for g in self.goals],
            "total": self.total.as_dict(),
        }


def summarize(name: str, evaluations: Iterable[Evaluation], scheme: GradingScheme) -> GradeSummary:
    evaluations = list(evaluations)
    counts = dict.fromkeys(scheme.symbols, 0)
    pending = 0
    for ev in evaluations:
        if ev.grade is None or ev.status is Status.PENDING:
            pending += 1
        else:
            counts[ev.grade] += 1
    failed = counts[scheme.failed.symbol]
    denominator = sum(counts.values())
    if not scheme.failed_in_denominator:
        denominator -= failed
    if scheme.pending_in_denominator:
        denominator += pending
    shares: dict[str, int] = {}
    for symbol, count in counts.items():
        if symbol == scheme.failed.symbol and not scheme.failed_in_denominator:
            continue
        exact = round(count * 100 / denominator, 9) if denominator else 0.0
        shares[symbol] = int(round_half_up(exact))
    return GradeSummary(name, len(evaluations), counts, pending, shares, denominator)


def evaluate_strategy(
    strategy: Strategy, scheme: GradingScheme, as_of: int | None = None
) -> StrategyEvaluation:
    """Grade every KPI; `as_of` defaults to the latest fiscal year with any actual entered."""
    if as_of is None:
        years = [a.fiscal_year for k in strategy.kpis for a in k.actuals]
        as_of = max(years) if years else strategy.plan_start
    by_goal = tuple(
        (
            goal.name,
            tuple(evaluate_kpi(k, scheme, as_of, strategy.plan_start) for k in goal.kpis),
        )
        for goal in strategy.goals
    )
    return StrategyEvaluation(strategy, scheme, as_of, by_goal)
