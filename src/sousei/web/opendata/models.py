"""A projection published as open data: frozen when published, so later uploads or scenario
edits do not change what the public downloaded (a new publication is a new row)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from sousei.web.accounts.models import Organisation


class PublishedProjection(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                     related_name="published_projections")
    published_at = models.DateTimeField("公開日時", auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    data = models.JSONField()

    class Meta:
        ordering = ("-published_at", "-id")
        verbose_name = "公開した将来推計"

    def __str__(self) -> str:
        return f"{self.organisation} 将来推計 ({self.published_at:%Y-%m-%d})"
