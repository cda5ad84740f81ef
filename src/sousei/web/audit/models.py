"""Audit events. Rows are written once: save() of an existing row and delete() raise.

Bulk `update()` and `delete()` on the manager raise too, so the only way to change history is
raw SQL, which the application never issues.
"""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class AppendOnlyError(RuntimeError):
    """Raised on any attempt to change or remove an audit event."""


class EventQuerySet(models.QuerySet):
    def update(self, **kwargs: object) -> int:
        raise AppendOnlyError("変更履歴は更新できません")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("変更履歴は削除できません")


class Event(models.Model):
    created_at = models.DateTimeField("日時", auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+",
        verbose_name="操作者",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    object_type = models.CharField("対象の種類", max_length=100)  # "app_label.model"
    object_id = models.CharField("対象のID", max_length=64)
    object_repr = models.CharField("対象", max_length=300)
    action = models.CharField("操作", max_length=50)
    before = models.JSONField("変更前", null=True, encoder=DjangoJSONEncoder)
    after = models.JSONField("変更後", null=True, encoder=DjangoJSONEncoder)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=("object_type", "object_id")),)
        verbose_name = "変更履歴"

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None or self._state.adding is False:
            raise AppendOnlyError("変更履歴は更新できません")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("変更履歴は削除できません")
