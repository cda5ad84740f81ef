"""The fields and helpers every versioned upload of an organisation shares.

An upload is never changed: each one is a new row with the next version, so the previous data
stays as it was and the latest version is the one shown. Each concrete model keeps its own
``organisation`` foreign key (its reverse name is part of the code that reads it) and its own
unique (organisation, version) constraint name.
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.db import models
from django.db.models import Max

from sousei.web.prepared import Prepared


class VersionedUpload(models.Model):
    version = models.PositiveIntegerField("版", default=1)
    source = models.CharField("出典", max_length=200)
    file_name = models.CharField("ファイル名", max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    uploaded_at = models.DateTimeField("登録日時", auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ("organisation", "-version")

    def __str__(self) -> str:
        return f"{self.file_name} (第{self.version}版)"

    @property
    def source_line(self) -> str:
        """The 出典 printed under a chart: the user's source, then which file and version."""
        return f"{self.source}({self.file_name} 第{self.version}版)"

    @classmethod
    def next_version(cls, organisation: models.Model) -> int:
        latest = cls._default_manager.filter(organisation=organisation).aggregate(
            v=Max("version"))["v"]
        return (latest or 0) + 1

    @classmethod
    def latest_for(cls, organisation: models.Model, *deferred: str) -> VersionedUpload | None:
        """The version shown; ``deferred`` fields (large JSON rows) are not loaded. Asked on
        every vision page: compiled once per model and deferred fields (web/prepared.py)."""
        return _latest_query(cls, deferred).first(organisation.pk)


@cache
def _latest_query(model: type[VersionedUpload], deferred: tuple[str, ...]) -> Prepared:
    return Prepared(lambda pk: model._default_manager.filter(organisation_id=pk)
                    .defer(*deferred).order_by("-version")[:1])
