"""`record_event`: the one way every write reaches the audit trail."""

from __future__ import annotations

from typing import Any

from django.db import models

from sousei.web.audit.models import Event


def object_type(obj: models.Model) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def record_event(
    actor: Any, obj: models.Model, action: str, before: Any = None, after: Any = None
) -> Event:
    """Append one event for `obj` (which must expose `.organisation`).

    Call it inside the same transaction as the write, so a failed write leaves no event and a
    written value always has one.
    """
    return Event.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        organisation=obj.organisation,
        object_type=object_type(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        before=before,
        after=after,
    )


def events_for(obj: models.Model) -> models.QuerySet[Event]:
    return Event.objects.filter(object_type=object_type(obj), object_id=str(obj.pk))
