"""A strategy's logic model (ロジックモデル): impact <- outcome <- output indicators and the
measures behind each output, as the national strategy draws it. The shape is
`sousei.strategy.logic_model`; an indicator may follow one of the strategy's KPIs, which gives
it a trend and a grade."""

from __future__ import annotations

from django.db import models

from sousei.strategy.logic_model import LEVEL_LABELS, Level
from sousei.web.strategies.models import KPI, InStrategy, Measure, Strategy, Versioned

LEVEL_CHOICES = [(int(level), label) for level, label in LEVEL_LABELS.items()]


class LogicIndicator(InStrategy, Versioned):
    parent_name = "strategy_ref"
    strategy_ref = models.ForeignKey(Strategy, on_delete=models.CASCADE,
                                     related_name="logic_indicators")
    code = models.CharField("指標コード", max_length=20)
    name = models.CharField("指標名", max_length=300)
    level = models.PositiveSmallIntegerField("段階", choices=LEVEL_CHOICES)
    unit = models.CharField("単位", max_length=30, blank=True)
    kpi = models.ForeignKey(KPI, on_delete=models.SET_NULL, null=True, blank=True,
                            related_name="logic_indicators", verbose_name="対応するKPI")

    class Meta:
        ordering = ("-level", "code")
        constraints = (models.UniqueConstraint(fields=("strategy_ref", "code"),
                                               name="one_logic_code"),)
        verbose_name = "ロジックモデルの指標"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[Level(self.level)]


class LogicLink(InStrategy, models.Model):
    """An indicator contributes to a higher one (output -> outcome -> impact)."""

    parent_name = "low"
    low = models.ForeignKey(LogicIndicator, on_delete=models.CASCADE, related_name="ups")
    high = models.ForeignKey(LogicIndicator, on_delete=models.CASCADE, related_name="downs")

    class Meta:
        constraints = (models.UniqueConstraint(fields=("low", "high"), name="one_logic_link"),)
        verbose_name = "指標のつながり"

    def __str__(self) -> str:
        return f"{self.low.code} → {self.high.code}"


class MeasureLink(InStrategy, models.Model):
    """A measure (施策) produces an output indicator."""

    parent_name = "output"
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="logic_links")
    output = models.ForeignKey(LogicIndicator, on_delete=models.CASCADE,
                               related_name="measure_links")

    class Meta:
        constraints = (models.UniqueConstraint(fields=("measure", "output"),
                                               name="one_measure_link"),)
        verbose_name = "施策とアウトプットのつながり"

    def __str__(self) -> str:
        return f"{self.measure} → {self.output.code}"
