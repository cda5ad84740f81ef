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
from sousei.web.strategies.versioning import create_audited


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
    if (old.plan_start, old.plan_end) != (new.plan_start, new.plan_end):
        lines.append(f"計画期間を{new.plan_start}～{new.plan_end}年度に変更")
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
    kept = _detach_review(row)
    row.goals.all().delete()
    partners = partner_index(organisation)
    for number, goal in enumerate(strategy.goals, 1):
        store_goal(actor, row, number, goal, partners)
    _reattach_review(actor, row, kept)
    row.plan_start, row.plan_end = strategy.plan_start, strategy.plan_end
    row.version += 1
    row.save(update_fields=["plan_start", "plan_end", "version"])
    # The new rows carry their own creation events; this one says what the import replaced.
    record_event(actor, row, "総合戦略の再取込", before=before,
                 after={"stamp": stamp_of(to_core(row)[0])})
    return row


NamePath = tuple[str, ...]  # names from the goal down: (goal,), (goal, measure), ... (…, KPI)


def _path_of(row: Any) -> NamePath:
    if isinstance(row, db.BasicGoal):
        return (row.name,)
    if isinstance(row, db.Measure):
        return (row.direction.goal.name, row.name)
    if isinstance(row, db.Project):
        return (*_path_of(row.measure), row.name)
    return (*_path_of(row.project), row.name)


def _rows_by_path(strategy: db.Strategy) -> dict[NamePath, Any]:
    """Every goal, measure, project and KPI of the strategy by its path of names."""
    found: dict[NamePath, Any] = {}
    for goal in strategy.goals.all():
        found[(goal.name,)] = goal
        for measure in db.Measure.objects.filter(direction__goal=goal):
            found[(goal.name, measure.name)] = measure
            for project in measure.projects.all():
                found[(goal.name, measure.name, project.name)] = project
                for kpi in project.kpis.all():
                    found[(goal.name, measure.name, project.name, kpi.name)] = kpi
    return found


SUBJECTS = ("goal", "measure", "project", "kpi")


def _detach_review(row: db.Strategy) -> tuple[list, list]:
    """Committee comments and self-evaluations outlive a re-import: they are kept aside with
    the path of names of what they were on and put back on the rows of the same names."""
    comments = []
    for path, subject in _rows_by_path(row).items():
        for comment in subject.comments.all():
            comments.append((comment.pk, path))
    db.Comment.objects.filter(pk__in=[pk for pk, _ in comments]).update(
        **dict.fromkeys(SUBJECTS))
    reviews = [(_path_of(r.kpi), r.fiscal_year, r.self_evaluation, r.next_step)
               for r in db.KPIReview.objects.filter(
                   kpi__project__measure__direction__goal__strategy_ref=row)]
    return comments, reviews


def _reattach_review(actor: Any, row: db.Strategy, kept: tuple[list, list]) -> None:
    """Each kept item goes back on the row of its path, or the nearest one that still exists
    (a comment on a removed KPI stays with its project, measure or goal)."""
    rows = _rows_by_path(row)
    fallback = next(iter(rows.values()), None)
    comments, reviews = kept
    for pk, path in comments:
        subject = next((rows[path[:n]] for n in range(len(path), 0, -1) if path[:n] in rows),
                       fallback)
        if subject is not None:
            field = SUBJECTS[len(_path_of(subject)) - 1]
            db.Comment.objects.filter(pk=pk).update(**{field: subject})
    for path, fiscal_year, text, step in reviews:
        kpi = rows.get(path)
        if isinstance(kpi, db.KPI):
            create_audited(actor, db.KPIReview(kpi=kpi, fiscal_year=fiscal_year,
                                               self_evaluation=text, next_step=step),
                           "再取込後の自己評価の引継ぎ")
