"""A whole strategy in and out of the database through one workbook (io/strategy/strategy_book).

An import is previewed first (what the file holds, how cells were read, what would change, and
conflicts), then applied in one transaction. The export carries a stamp of the data it was made
from; importing a file whose stamp is no longer current, while the data differ, is a conflict
and nothing is written: an old export never silently overwrites newer edits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from django.db import transaction

from sousei import strategy as core
from sousei.io.strategy.progress import ProgressImport
from sousei.io.strategy.strategy_book import (
    read_stamp,
    read_strategy_workbook,
    write_strategy_workbook,
)
from sousei.web.accounts.models import Organisation
from sousei.web.audit.record import record_event
from sousei.web.strategies import models as db
from sousei.web.strategies.convert import from_core, partner_index, store_goal, to_core


def stamp_of(strategy: core.Strategy) -> str:
    """A digest of every field: equal stamps mean equal data."""
    return hashlib.sha256(repr(strategy).encode()).hexdigest()[:20]


def export_strategy(strategy: db.Strategy, path: Path) -> Path:
    stored, _ = to_core(strategy)
    return write_strategy_workbook(stored, path, stamp_of(stored))


@dataclass
class Preview:
    imported: ProgressImport
    existing: db.Strategy | None
    changes: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return self.existing is not None and not self.changes


def _kpi_map(strategy: core.Strategy) -> dict[tuple[str, ...], core.KPI]:
    return {(g.name, m.name, p.name, k.name): k for g in strategy.goals for m in g.measures
            for p in m.projects for k in p.kpis}


def _differences(old: core.Strategy, new: core.Strategy) -> list[str]:
    """What the file would change, per KPI, in words."""
    before, after = _kpi_map(old), _kpi_map(new)
    lines = [f"KPI「{key[3]}」を追加" for key in after if key not in before]
    lines += [f"KPI「{key[3]}」を削除" for key in before if key not in after]
    lines += [f"KPI「{key[3]}」の内容を変更" for key, kpi in after.items()
              if key in before and before[key] != kpi]
    if not lines and old != new:
        lines.append("基本目標・施策・事業・数値目標の構成や内容を変更")
    return lines


def preview_import(organisation: Organisation, path: Path) -> Preview:
    """Read the file (raises WorkbookError naming every bad cell) and compare it with the
    organisation's strategy of the same name, if any."""
    imported = read_strategy_workbook(path)
    named = replace(imported.strategy, organisation=organisation.name)
    imported = replace(imported, strategy=named)
    existing = db.Strategy.objects.filter(organisation=organisation, name=named.name).first()
    preview = Preview(imported, existing)
    if existing is None:
        return preview
    stored, _ = to_core(existing)
    preview.changes = _differences(stored, named)
    stamp = read_stamp(path)
    if preview.changes and stamp and stamp != stamp_of(stored):
        preview.conflicts = [f"{line}(書き出し後にシステム上で変更されています)"
                             for line in _differences(stored, named)]
    return preview


@transaction.atomic
def apply_import(actor: Any, organisation: Organisation, preview: Preview) -> db.Strategy | None:
    """Store the previewed strategy; nothing when unchanged; refused when in conflict."""
    if preview.conflicts:
        raise ValueError("競合があるため取り込みません")
    strategy = preview.imported.strategy
    if preview.existing is None:
        return from_core(actor, organisation, strategy)
    if preview.unchanged:
        return preview.existing
    row = db.Strategy.objects.select_for_update().get(pk=preview.existing.pk)
    before = {"stamp": stamp_of(to_core(row)[0]), "changes": preview.changes}
    comments = _detach_comments(row)
    row.goals.all().delete()
    partners = partner_index(organisation)
    for number, goal in enumerate(strategy.goals, 1):
        store_goal(actor, row, number, goal, partners)
    _reattach_comments(row, comments)
    row.version += 1
    row.save(update_fields=["version"])
    # The new rows carry their own creation events; this one says what the import replaced.
    record_event(actor, row, "総合戦略の再取込", before=before,
                 after={"stamp": stamp_of(to_core(row)[0])})
    return row


def _detach_comments(row: db.Strategy) -> list[tuple[db.Comment, str, tuple[str, ...] | None]]:
    """Committee comments outlive a re-import: they are kept aside with the names of what they
    were on (goal, and KPI by its path) and put back on the rows of the same names."""
    kept = []
    for comment in db.Comment.objects.filter(goal__strategy_ref=row) | db.Comment.objects.filter(
            kpi__project__measure__direction__goal__strategy_ref=row):
        kpi = comment.kpi
        key = None if kpi is None else (kpi.project.measure.direction.goal.name,
                                        kpi.project.measure.name, kpi.project.name, kpi.name)
        goal = comment.goal.name if comment.goal else key[0] if key else ""
        db.Comment.objects.filter(pk=comment.pk).update(kpi=None, goal=None)
        kept.append((comment, goal, key))
    return kept


def _reattach_comments(row: db.Strategy, kept: list) -> None:
    goals = {g.name: g for g in row.goals.all()}
    kpis = {(k.project.measure.direction.goal.name, k.project.measure.name, k.project.name,
             k.name): k for k in db.KPI.objects.filter(
                 project__measure__direction__goal__strategy_ref=row)}
    fallback = next(iter(goals.values()), None)
    for comment, goal, key in kept:
        kpi = kpis.get(key) if key else None
        target_goal = None if kpi else goals.get(goal, fallback)
        db.Comment.objects.filter(pk=comment.pk).update(kpi=kpi, goal=target_goal)
