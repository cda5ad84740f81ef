"""Organisations from the shipped code master: a municipality or prefecture by its 団体コード,
a 連携中枢都市圏 as a named group of them. Shared by `sousei-manage create_organisation` and the
admin page, so both create the same rows with the same audit events."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from sousei.io.reference import codes
from sousei.web.accounts.models import Organisation, OrganisationKind
from sousei.web.audit.record import record_event
from sousei.web.strategies.versioning import snapshot

KINDS = {"prefecture": OrganisationKind.PREFECTURE, "municipality": OrganisationKind.MUNICIPALITY,
         "ward": OrganisationKind.MUNICIPALITY}


def organisation_for_code(actor: Any, code: str | int) -> tuple[Organisation, bool]:
    """The organisation of a 5- or 6-digit code, created from the master when new.

    Raises `codes.AreaCodeError` (a Japanese message) for a code the master does not know.
    """
    code5 = codes.normalize_code(code)
    area = codes.areas().get(code5)
    if area is None or area.kind not in KINDS:
        raise codes.AreaCodeError(f"団体コード {code5} は現行の団体コード表にありません")
    found = Organisation.objects.filter(code=code5).first()
    if found is not None:
        return found, False
    with transaction.atomic():
        row = Organisation(code=code5, name=area.name, kind=KINDS[area.kind],
                           prefecture=area.prefecture)
        row.full_clean()
        row.save()
        record_event(actor, row, "organisation.create", before=None, after=snapshot(row))
    return row, True


@transaction.atomic
def partnership(actor: Any, name: str, members: list[Organisation]) -> tuple[Organisation, bool]:
    """A 連携中枢都市圏 with these member municipalities (added to when it exists)."""
    row = Organisation.objects.filter(name=name, kind=OrganisationKind.PARTNERSHIP).first()
    created = row is None
    before = None if row is None else snapshot(row) | {"members": _codes(row)}
    if row is None:
        prefectures = {m.prefecture for m in members}
        row = Organisation(name=name, kind=OrganisationKind.PARTNERSHIP,
                           prefecture=prefectures.pop() if len(prefectures) == 1 else "")
        row.full_clean()
        row.save()
    row.members.add(*members)
    after = snapshot(row) | {"members": _codes(row)}
    if after != before:
        action = "organisation.create" if created else "organisation.update"
        record_event(actor, row, action, before=before, after=after)
    return row, created


def _codes(row: Organisation) -> list[str]:
    return sorted(row.members.values_list("code", flat=True))
