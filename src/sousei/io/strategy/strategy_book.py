"""A whole strategy in one workbook: 事業一覧, 数値目標 and one project sheet per project that has
details (purpose, roles, partners, budgets), in the layouts of `progress.py` and
`project_sheet.py`. What `sousei-manage export_strategy` writes and `import_strategy` reads.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from sousei.io.errors import CellProblem, WorkbookError
from sousei.io.sheets import open_workbook
from sousei.io.strategy.numerical_targets import NUMERICAL_SHEET
from sousei.io.strategy.progress import (
    PROGRESS_SHEET,
    ProgressImport,
    read_progress_workbook,
    write_progress_workbook,
)
from sousei.io.strategy.project_sheet import read_project_sheet, write_project_sheet
from sousei.io.xlsx_style import save_atomically
from sousei.strategy import Project, Strategy

STAMP_SHEET = "_sousei"  # hidden: the version of the data the file was exported from
OTHER_SHEETS = (PROGRESS_SHEET, NUMERICAL_SHEET, "達成状況", STAMP_SHEET)


def _has_details(project: Project) -> bool:
    return bool(project.purpose or project.roles or project.partners or project.budgets
                or len(project.departments) > 1)


def write_strategy_workbook(strategy: Strategy, path: str | Path, stamp: str = "") -> Path:
    """`stamp` (the exporting system's version of the data) goes in a hidden sheet so that a
    later import of this file can tell whether the data changed since."""
    path = write_progress_workbook(strategy, path)
    book = load_workbook(path)
    projects = [p for g in strategy.goals for m in g.measures for p in m.projects
                if _has_details(p)]
    for number, project in enumerate(projects, start=1):
        write_project_sheet(book.create_sheet(f"事業{number}"), project)
    if stamp:
        meta = book.create_sheet(STAMP_SHEET)
        meta["A1"], meta["B1"] = "書き出し時の版", stamp
        meta.sheet_state = "hidden"
    return save_atomically(book, path)


def _merge(strategy: Strategy, details: dict[str, Project]) -> Strategy:
    def project(p: Project) -> Project:
        d = details.get(p.name)
        if d is None:
            return p
        return replace(p, purpose=d.purpose, roles=d.roles, partners=d.partners,
                       budgets=d.budgets, departments=d.departments or p.departments)

    goals = tuple(replace(g, measures=tuple(
        replace(m, projects=tuple(project(p) for p in m.projects)) for m in g.measures))
        for g in strategy.goals)
    return replace(strategy, goals=goals)


def read_stamp(path: str | Path) -> str:
    """The stamp `write_strategy_workbook` left, or '' for a file written elsewhere."""
    book = open_workbook(Path(path))
    if STAMP_SHEET not in book.sheetnames:
        return ""
    value = book[STAMP_SHEET]["B1"].value
    return str(value) if value else ""


def read_strategy_workbook(path: str | Path) -> ProgressImport:
    """The 事業一覧 with the project sheets' details merged in by project name; every sheet
    other than 事業一覧, 数値目標 and 達成状況 is read as a project sheet."""
    path = Path(path)
    imported = read_progress_workbook(path)
    book = open_workbook(path)
    problems: list[CellProblem] = []
    details: dict[str, Project] = {}
    known = {p.name for g in imported.strategy.goals for m in g.measures for p in m.projects}
    for sheet in book.sheetnames:
        if sheet in OTHER_SHEETS:
            continue
        found = read_project_sheet(book[sheet], problems)
        if found is None:
            continue
        if found.name not in known:
            message = f"事業一覧にない事業です: {found.name!r}"
            problems.append(CellProblem(sheet, 1, "A", "", message))
        details[found.name] = found
    if problems:
        raise WorkbookError(path.name, problems)
    return replace(imported, strategy=_merge(imported.strategy, details))
