"""Comments of the verification committee (検証委員会) as plain data.

The web app keeps comments in its database and the CLI reads them from a file; both hand the
report these dataclasses, so the report (and this core) never needs Django. The committee is
drawn from 産官学金労言士 (industry, government, academia, finance, labour, media, professions);
which of them spoke is printed when it was recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sousei.strategy.model import Strategy

COMMITTEE_SECTORS = ("産", "官", "学", "金", "労", "言", "士")
# What a comment is about, in the order the report lists them.
TARGET_KINDS = ("全体", "基本目標", "施策", "事業", "KPI")


@dataclass(frozen=True)
class CommitteeComment:
    """One comment: ``target`` names the goal, measure, project or KPI (empty for 全体)."""

    text: str
    target_kind: str = "全体"
    target: str = ""
    sector: str = ""  # one of COMMITTEE_SECTORS, or "" when not recorded
    given_on: date | None = None
    reply: str = ""  # the planning department's 対応方針 to the comment

    def __post_init__(self) -> None:
        if self.target_kind not in TARGET_KINDS:
            raise ValueError(f"意見の対象の区分 {self.target_kind!r} は {TARGET_KINDS} のいずれかです")
        if self.sector and self.sector not in COMMITTEE_SECTORS:
            raise ValueError(f"委員の区分 {self.sector!r} は 産官学金労言士 のいずれかです")


def target_names(strategy: Strategy) -> dict[str, list[str]]:
    """Names a comment may point at, per kind, in the strategy's order."""
    names: dict[str, list[str]] = {kind: [] for kind in TARGET_KINDS}
    for goal in strategy.goals:
        names["基本目標"].append(goal.name)
        for measure in goal.measures:
            names["施策"].append(measure.name)
            for project in measure.projects:
                names["事業"].append(project.name)
                names["KPI"] += [kpi.name for kpi in project.kpis]
    return names


def in_strategy_order(
    comments: Iterable[CommitteeComment], strategy: Strategy
) -> list[CommitteeComment]:
    """全体 first, then by the position of the target in the strategy, then by date."""
    names = target_names(strategy)

    def key(comment: CommitteeComment) -> tuple[int, int, date]:
        kind = TARGET_KINDS.index(comment.target_kind)
        listed = names[comment.target_kind]
        position = listed.index(comment.target) if comment.target in listed else len(listed)
        return kind, position, comment.given_on or date.min

    return sorted(comments, key=key)
