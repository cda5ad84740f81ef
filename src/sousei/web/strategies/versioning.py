"""Optimistic concurrency plus audit: the one write path for editable rows.

A form carries the `version` the user saw. The update only happens if the row still has that
version; otherwise `StaleEditError` carries the newer values so the page can show them. The audit
event is written in the same transaction as the change.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.forms.models import model_to_dict

from sousei.web.audit.record import record_event


class StaleEditError(Exception):
    """Someone saved this row after the user loaded it; `current` is the row as it is now."""

    def __init__(self, current: models.Model) -> None:
        super().__init__("stale edit")
        self.current = current


def snapshot(obj: models.Model) -> dict[str, Any]:
    """The row's editable fields as plain data for the audit trail."""
    data = {
        key: format(value.normalize(), "f") if isinstance(value, Decimal) else value
        for key, value in model_to_dict(obj).items()
    }
    data["version"] = getattr(obj, "version", None)
    return data


def save_versioned(
    actor: Any, obj: models.Model, expected_version: int, changes: dict[str, Any], action: str
) -> models.Model:
    """Apply `changes` to `obj` if its stored version is still `expected_version`."""
    model = type(obj)
    with transaction.atomic():
        current = model._default_manager.select_for_update().get(pk=obj.pk)
        _keep_parents(obj, current)
        if current.version != expected_version:
            raise StaleEditError(current)
        before = snapshot(current)
        for field, value in changes.items():
            setattr(current, field, value)
        current.version = expected_version + 1
        current.full_clean()
        current.save()
        record_event(actor, current, action, before=before, after=snapshot(current))
    return current


def _keep_parents(obj: models.Model, current: models.Model) -> None:
    """The parents the caller already holds on `obj` (an actual's KPI with its owner chain),
    set on the fresh row where it still points at them: the audit event asks the row for its
    organisation, which walked six foreign keys a query each (a save made 25 queries)."""
    for field in type(obj)._meta.concrete_fields:
        if (field.is_relation and field.many_to_one and field.is_cached(obj)
                and getattr(obj, field.attname) == getattr(current, field.attname)):
            field.set_cached_value(current, field.get_cached_value(obj))


def create_audited(actor: Any, obj: models.Model, action: str) -> models.Model:
    """Insert a new row and its audit event together."""
    with transaction.atomic():
        obj.full_clean()
        obj.save()
        record_event(actor, obj, action, before=None, after=snapshot(obj))
    return obj
