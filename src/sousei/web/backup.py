"""Backups: every record (or one organisation's) as one stable JSON file, and back.

The file is ordered by model dependency and primary key, keys sorted, datetimes in UTC to the
millisecond, so dump -> load -> dump gives the same bytes, on SQLite and on PostgreSQL alike
(PostgreSQL's jsonb reorders keys; sorting them hides that). Loading is all or nothing, into a
database that holds none of the dumped kinds of record yet, and keeps primary keys, so the
audit trail still points at the right rows. Sessions and login throttle counts are left out:
they are not the organisation's data.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models import Q

FORMAT = "sousei-dump"
VERSION = 1
APPS = ("accounts", "audit", "strategies", "vision")
LEFT_OUT = {"accounts.loginattempts"}


class BackupError(ValueError):
    """A dump that cannot be loaded (wrong file, or a database that is not empty)."""


def backed_up_models() -> list[type[models.Model]]:
    """The user model and every model of the sousei apps, parents before children."""
    chosen = [get_user_model()] + [
        m for label in APPS for m in apps.get_app_config(label).get_models()
        if m._meta.label_lower not in LEFT_OUT
    ]
    return serializers.sort_dependencies([(None, chosen)], allow_cycles=True)


def _organisation_paths(model: type[models.Model], depth: int = 0) -> list[str]:
    """Lookups from `model` to its owning organisation: its `organisation` field, else its
    parent's (`parent_name`), else every foreign key that leads to one (a comment's KPI or
    goal)."""
    organisation = apps.get_model("accounts", "Organisation")
    if model is organisation:
        return ["pk"]
    if depth > 8:
        return []
    fields = {f.name: f for f in model._meta.get_fields() if f.many_to_one or f.one_to_one}
    if "organisation" in fields and fields["organisation"].related_model is organisation:
        return ["organisation"]
    names = [model.parent_name] if hasattr(model, "parent_name") else list(fields)
    paths = []
    for name in names:
        field = fields.get(name)
        if field is None or field.related_model is get_user_model() or not field.concrete:
            continue
        paths += [f"{name}__{p}" if p != "pk" else name
                  for p in _organisation_paths(field.related_model, depth + 1)]
    return paths


def _rows(model: type[models.Model], code: str | None) -> models.QuerySet:
    rows = model._base_manager.order_by("pk")
    if code is None or model is get_user_model():
        return rows
    paths = _organisation_paths(model)
    if not paths:
        return rows.none()
    query = Q()
    for path in paths:
        query |= Q(**{f"{path}__code" if path != "pk" else "code": code})
    return rows.filter(query).distinct()


def dump(path: str | Path, organisation_code: str | None = None) -> int:
    """Write the dump; returns the number of records."""
    records: list[dict] = []
    users = get_user_model()
    chosen: dict[type[models.Model], list[models.Model]] = {}
    for model in backed_up_models():
        chosen[model] = list(_rows(model, organisation_code))
    if organisation_code is not None:
        chosen[users] = _users_of(chosen, organisation_code)
    for model in backed_up_models():
        records += serializers.serialize("python", chosen[model])
    document = {"format": FORMAT, "version": VERSION, "organisation": organisation_code,
                "objects": records}
    text = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True,
                      indent=1)
    Path(path).write_text(text + "\n", encoding="utf-8")
    return len(records)


def _users_of(chosen: dict, code: str) -> list[models.Model]:
    """The people of one organisation: its members and anyone its records name."""
    users = get_user_model()
    wanted = set(apps.get_model("accounts", "Membership").objects
                 .filter(organisation__code=code).values_list("user_id", flat=True))
    for model, rows in chosen.items():
        for field in model._meta.concrete_fields:
            if field.many_to_one and field.related_model is users:
                wanted |= {getattr(r, field.attname) for r in rows} - {None}
    return list(users._base_manager.filter(pk__in=wanted).order_by("pk"))


def load(path: str | Path) -> int:
    """Load a dump into a database holding none of its kinds of record; all or nothing."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{Path(path).name} はバックアップとして読めません: {error}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(f"{Path(path).name} は sousei-manage dump のファイルではありません")
    objects = list(serializers.deserialize("python", document["objects"]))
    kinds = {type(o.object) for o in objects}
    with transaction.atomic():
        occupied = sorted(m._meta.verbose_name for m in kinds if m._base_manager.exists())
        if occupied:
            raise BackupError("読み込み先にすでにデータがあります (" + "、".join(map(str, occupied))
                              + ")。空のデータベースに読み込んでください")
        for item in objects:
            item.save()
        _reset_sequences(kinds)
    return len(objects)


def _reset_sequences(kinds: set[type[models.Model]]) -> None:
    """PostgreSQL's id sequences start after the loaded keys (SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(kinds))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
