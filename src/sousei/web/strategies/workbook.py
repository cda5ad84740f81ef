"""Progress workbook and department templates in and out, through the same `sousei.io` code as
the CLI. An import applies the actuals of KPIs it finds, all or nothing, every change audited.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from django.db import transaction

from sousei import strategy as core
from sousei.io.errors import CellProblem, WorkbookError
from sousei.io.strategy.entry_template import write_entry_template
from sousei.io.strategy.progress import read_progress_workbook, write_progress_workbook
from sousei.japanese import format_fiscal_year
from sousei.web.strategies import models as db
from sousei.web.strategies.convert import actual_to_core, to_core, to_float
from sousei.web.strategies.evaluation import scheme_of
from sousei.web.strategies.versioning import create_audited, save_versioned

Key = tuple[str, str, str, str]  # goal, measure, project, KPI names


@dataclass
class ImportReport:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    changes: list[str] = field(default_factory=list)
    readings: list[str] = field(default_factory=list)  # how annotated cells were read


def export_progress(strategy: db.Strategy, directory: Path) -> Path:
    core_strategy, _ = to_core(strategy)
    evaluation = core.evaluate_strategy(core_strategy, scheme_of(strategy))
    return write_progress_workbook(core_strategy, directory / "progress.xlsx", evaluation)


def export_template(strategy: db.Strategy, department: str, directory: Path) -> Path:
    core_strategy, _ = to_core(strategy)
    return write_entry_template(core_strategy, department, directory / "template.xlsx")


def _db_kpis(strategy: db.Strategy) -> dict[Key, db.KPI]:
    rows = db.KPI.objects.filter(project__measure__direction__goal__strategy_ref=strategy)
    return {
        (k.project.measure.direction.goal.name, k.project.measure.name, k.project.name, k.name): k
        for k in rows.select_related("project__measure__direction__goal")
    }


def _file_kpis(imported: core.Strategy) -> dict[Key, core.KPI]:
    return {
        (g.name, m.name, p.name, k.name): k
        for g in imported.goals for m in g.measures for p in m.projects for k in p.kpis
    }


def _apply(actor: Any, kpi: db.KPI, actual: core.Actual, report: ImportReport) -> None:
    value = None if actual.value is None else db.Actual._meta.get_field("value").to_python(
        repr(actual.value))
    changes = {"state": actual.state.value, "value": value, "note": actual.note,
               "observed_year": actual.observed_year}
    row = db.Actual.objects.filter(kpi=kpi, fiscal_year=actual.fiscal_year).first()
    # The workbook prints a state's default word (統計未公表) for an empty note and reads it
    # back as empty: the stored wording is the same actual and is kept, not wiped.
    if row is not None and actual_to_core(row) == replace(actual, value=to_float(value)):
        report.unchanged += 1
        return
    if row is None:
        create_audited(actor, db.Actual(kpi=kpi, fiscal_year=actual.fiscal_year, **changes),
                       "ワークブックからの取込")
        report.created += 1
    else:
        save_versioned(actor, row, row.version, changes, "ワークブックからの取込")
        report.changed += 1
    report.changes.append(f"{kpi.name} {format_fiscal_year(actual.fiscal_year)}")


def import_actuals(actor: Any, strategy: db.Strategy, path: Path, filename: str) -> ImportReport:
    """Apply the workbook's actuals; raise WorkbookError (nothing changed) on any problem."""
    try:
        imported = read_progress_workbook(path, plan=(strategy.plan_start, strategy.plan_end))
    except WorkbookError as error:
        raise WorkbookError(filename, error.problems) from None
    known = _db_kpis(strategy)
    found = _file_kpis(imported.strategy)
    unknown = [key for key in found if key not in known]
    if unknown or not found:
        problems = [
            CellProblem("事業一覧", 0, "", "",
                        f"KPI「{key[3]}」(具体的な事業「{key[2]}」)はこの総合戦略にありません")
            for key in unknown
        ]
        if not found:
            problems.append(CellProblem("事業一覧", 0, "", "", "KPIの行がありません"))
        raise WorkbookError(filename, problems)
    report = ImportReport(readings=list(imported.readings))
    with transaction.atomic():
        for key, kpi in found.items():
            for actual in kpi.actuals:
                if actual.fiscal_year in strategy.plan_years:
                    _apply(actor, known[key], actual, report)
    return report


def temporary_directory() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="sousei-xlsx-")
