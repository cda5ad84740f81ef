"""Prefecture roll-up of partnership projects: what the 連携中枢都市圏 in a prefecture spend
together and which KPIs each partner shares.

A prefecture (or a partnership looking at itself) asks two things of the shared projects: the
事業費 per fiscal year summed over every partnership's projects (千円; a year with a budget not yet
decided is counted apart, never as zero), and, for each partner (the 団体 named in a project's
役割分担), the KPIs of the projects it takes a role in, with their grades. A project is shared
when it names partner roles or 関係市町.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sousei.strategy.evaluation import Evaluation, evaluate_kpi
from sousei.strategy.grading import GradingScheme
from sousei.strategy.model import Project, Strategy


@dataclass(frozen=True)
class SharedProject:
    strategy: str
    organisation: str
    project: Project
    plan_start: int
    scheme: GradingScheme  # the owning strategy's grading scheme


@dataclass(frozen=True)
class YearBudget:
    fiscal_year: int
    thousand_yen: float  # the sum of the decided budgets
    decided: int  # projects with a budget this year
    undecided: int  # projects whose budget for this year is blank (未定)


@dataclass(frozen=True)
class PartnerKPI:
    partner: str  # 団体 as written in the 役割分担 (久留米市 / 連携市町)
    role: str
    strategy: str
    project: str
    evaluation: Evaluation


def shared_projects(
    strategies: Sequence[Strategy], schemes: Sequence[GradingScheme]
) -> list[SharedProject]:
    """Every project of the strategies that names partner roles or 関係市町, in plan order;
    ``schemes`` are the strategies' grading schemes, in the same order."""
    if len(schemes) != len(strategies):
        raise ValueError("総合戦略と評価方式の数が合いません")
    return [
        SharedProject(s.name, s.organisation, p, s.plan_start, scheme)
        for s, scheme in zip(strategies, schemes, strict=True)
        for g in s.goals for m in g.measures for p in m.projects
        if p.roles or p.partners
    ]


def budgets_by_year(projects: Sequence[SharedProject]) -> list[YearBudget]:
    """事業費 per fiscal year summed across the shared projects (千円), oldest year first."""
    years = sorted({b.fiscal_year for sp in projects for b in sp.project.budgets})
    result = []
    for year in years:
        amounts = [b.thousand_yen for sp in projects for b in sp.project.budgets
                   if b.fiscal_year == year]
        decided = [a for a in amounts if a is not None]
        result.append(YearBudget(year, float(sum(decided)), len(decided),
                                 len(amounts) - len(decided)))
    return result


def kpis_by_partner(projects: Sequence[SharedProject], as_of: int) -> dict[str, list[PartnerKPI]]:
    """Per partner, the KPIs of the shared projects it has a role in, graded as of ``as_of``
    under each strategy's own scheme.

    A project's KPIs appear under each of its partners: a shared KPI is every partner's.
    Partners named only in 関係市町 (no role written) get the role 「関係市町」.
    """
    result: dict[str, list[PartnerKPI]] = {}
    for sp in projects:
        roles = [(r.municipality, r.role) for r in sp.project.roles]
        named = {name for name, _ in roles}
        roles += [(name, "関係市町") for name in sp.project.partners if name not in named]
        for partner, role in roles:
            for kpi in sp.project.kpis:
                result.setdefault(partner, []).append(PartnerKPI(
                    partner, role, sp.strategy, sp.project.name,
                    evaluate_kpi(kpi, sp.scheme, as_of, sp.plan_start)))
    return result


def grade_counts(kpis: Sequence[PartnerKPI], symbols: Sequence[str]) -> dict[str, int]:
    """How many of a partner's KPIs reach each grade; 未評価 for those still pending."""
    counts = {symbol: 0 for symbol in symbols}
    counts["未評価"] = 0
    for item in kpis:
        grade = item.evaluation.grade
        counts[grade if grade in counts else "未評価"] += 1
    return counts
