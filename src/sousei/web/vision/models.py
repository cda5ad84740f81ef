"""Per organisation: uploaded population tables, saved scenarios and the chosen 将来展望.

A dataset row is never changed: each upload is a new row with the next version, so earlier data
stays as it was and the latest upload is the one projected. Scenarios are stored as the mapping
of the CLI's scenario file (``sousei.io.scenario``), so a file and the web form are one format.
"""

from __future__ import annotations

from django.db import models

from sousei.web.accounts.models import Organisation
from sousei.web.vision.upload_model import VersionedUpload


class PopulationDataset(VersionedUpload):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="population_datasets"
    )
    base_year = models.PositiveIntegerField("基準年")
    rows = models.PositiveIntegerField("行数")
    # The validated table re-written in the long CSV layout; not copied into the audit trail.
    content = models.TextField(editable=False)

    class Meta(VersionedUpload.Meta):
        constraints = (
            models.UniqueConstraint(fields=("organisation", "version"), name="one_dataset_version"),
        )
        verbose_name = "人口データ"


class SavedScenario(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="scenarios"
    )
    name = models.CharField("シナリオ名", max_length=100)
    mapping = models.JSONField("シナリオ")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ("organisation", "pk")
        constraints = (
            models.UniqueConstraint(fields=("organisation", "name"), name="one_scenario_name"),
        )
        verbose_name = "シナリオ"

    def __str__(self) -> str:
        return self.name


class VisionChoice(models.Model):
    """The scenario chosen as the 将来展望 and the target population of the strategy period."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="vision_choice"
    )
    scenario = models.ForeignKey(
        SavedScenario, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    target_population = models.PositiveIntegerField("目標人口", null=True, blank=True)
    target_year = models.PositiveIntegerField("目標年", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "将来展望"

    def __str__(self) -> str:
        return f"{self.organisation} 将来展望"


class VitalStatistics(VersionedUpload):
    """Births, deaths, in- and out-moves by year, one row per upload (latest is shown)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="vital_statistics"
    )
    # [{year, births, deaths, in_moves, out_moves}, ...] as read by sousei.io.flows.vital_stats.
    rows = models.JSONField(editable=False)

    class Meta(VersionedUpload.Meta):
        constraints = (
            models.UniqueConstraint(fields=("organisation", "version"), name="one_vital_version"),
        )
        verbose_name = "人口動態"


class MovesByArea(VersionedUpload):
    """Moves by origin or destination area (転入元・転出先別), one row per upload."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="moves_by_area"
    )
    # The records of sousei.io.flows.moves.read_moves (year, area_code, counterpart, ...).
    rows = models.JSONField(editable=False)

    class Meta(VersionedUpload.Meta):
        constraints = (
            models.UniqueConstraint(fields=("organisation", "version"), name="one_moves_version"),
        )
        verbose_name = "転入元・転出先別の移動"


class ForeignResidents(VersionedUpload):
    """Foreign residents by nationality and residence status (在留外国人), one row per upload."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="foreign_residents"
    )
    # The records of sousei.io.flows.foreign_residents.read_foreign_residents.
    rows = models.JSONField(editable=False)

    class Meta(VersionedUpload.Meta):
        constraints = (
            models.UniqueConstraint(fields=("organisation", "version"), name="one_foreign_version"),
        )
        verbose_name = "在留外国人"


class MovesByAge(VersionedUpload):
    """In- and out-moves by year, area, sex and 5-year age group, one row per upload."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="moves_by_age"
    )
    # [{year, area_code, sex, age_start, in_moves, out_moves}, ...] as read by
    # sousei.io.flows.moves_by_age (5-year grid).
    rows = models.JSONField(editable=False)

    class Meta(VersionedUpload.Meta):
        constraints = (
            models.UniqueConstraint(
                fields=("organisation", "version"), name="one_moves_by_age_version"
            ),
        )
        verbose_name = "年齢別の転入・転出"
