"""The review loop (検証) as plain data: departments' self-evaluations and next steps per KPI,
the verification committee's roster and its meetings. Comments are `comments.CommitteeComment`.

The web app fills these from its database; the KPI report prints them, so neither the report
nor this core needs Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class SelfEvaluation:
    """A department's 自己評価 of one KPI for a fiscal year, with its 今後の方向性."""

    kpi: str
    fiscal_year: int
    text: str
    next_step: str = ""  # 拡充 / 継続 / 改善 / 見直し / 縮小 / 廃止・終了, or the city's own word
    department: str = ""


@dataclass(frozen=True)
class CommitteeMember:
    name: str
    affiliation: str = ""  # 所属
    title: str = ""  # 役職
    sector: str = ""  # 区分: one of 産官学金労言士


@dataclass(frozen=True)
class Meeting:
    held_on: date
    title: str = ""


@dataclass(frozen=True)
class Review:
    self_evaluations: tuple[SelfEvaluation, ...] = ()
    members: tuple[CommitteeMember, ...] = ()
    meetings: tuple[Meeting, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.self_evaluations or self.members or self.meetings)
