"""The review loop's rows: a department's self-evaluation per KPI and year, the committee's
roster and its meeting dates (the comments and their replies are `models.Comment`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from sousei.web.accounts.models import CommitteeSector, Organisation

# models.py defines Versioned before it imports this module at its end.
from sousei.web.strategies.models import Versioned

if TYPE_CHECKING:
    from sousei.web.strategies.models import Strategy


class KPIReview(Versioned):
    """The department's self-evaluation of a KPI for a fiscal year and its 今後の方向性."""

    kpi = models.ForeignKey("strategies.KPI", on_delete=models.CASCADE, related_name="reviews")
    fiscal_year = models.PositiveSmallIntegerField("年度")
    self_evaluation = models.TextField("自己評価", blank=True)
    next_step = models.CharField("今後の方向性", max_length=30, blank=True)

    class Meta:
        ordering = ("fiscal_year",)
        constraints = (
            models.UniqueConstraint(fields=("kpi", "fiscal_year"), name="one_review_per_fy"),
        )
        verbose_name = "自己評価"

    def __str__(self) -> str:
        return f"{self.kpi} {self.fiscal_year}年度 自己評価"

    @property
    def department(self) -> str:
        return self.kpi.department

    @property
    def strategy(self) -> Strategy:
        return self.kpi.strategy  # type: ignore[attr-defined]

    @property
    def organisation(self) -> Organisation:
        return self.kpi.organisation  # type: ignore[attr-defined]


class CommitteeMember(Versioned):
    """A member of the 検証委員会 as the report lists them (所属, 役職, 区分)."""

    strategy_ref = models.ForeignKey("strategies.Strategy", on_delete=models.CASCADE,
                                     related_name="committee")
    name = models.CharField("氏名", max_length=100)
    affiliation = models.CharField("所属", max_length=200, blank=True)
    title = models.CharField("役職", max_length=100, blank=True)
    sector = models.CharField("区分", max_length=1, choices=CommitteeSector.choices, blank=True)

    class Meta:
        ordering = ("id",)
        verbose_name = "検証委員"

    def __str__(self) -> str:
        return self.name

    @property
    def strategy(self) -> Strategy:
        return self.strategy_ref

    @property
    def organisation(self) -> Organisation:
        return self.strategy_ref.organisation


class Meeting(Versioned):
    """A meeting of the 検証委員会 (会議① 6月27日 ...)."""

    strategy_ref = models.ForeignKey("strategies.Strategy", on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField("開催日")
    title = models.CharField("内容", max_length=200, blank=True)

    class Meta:
        ordering = ("held_on",)
        verbose_name = "検証委員会の開催"

    def __str__(self) -> str:
        return f"{self.held_on} {self.title}"

    @property
    def strategy(self) -> Strategy:
        return self.strategy_ref

    @property
    def organisation(self) -> Organisation:
        return self.strategy_ref.organisation
