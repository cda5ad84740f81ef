"""Project sheets of partnership plans (連携中枢都市圏): one sheet per project.

Column A holds the labels (事業の目的と概要, 役割分担, 関係市町, 担当課, 事業費), the values sit to
their right; 役割分担 spans one row per municipality (or 連携市町 as a group) and 事業費 is a row
of fiscal-year headers with the budgets in 千円 beneath, blank for years not yet decided.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sousei.io.errors import CellProblem, WorkbookError
from sousei.io.sheets import grid_of, open_workbook
from sousei.io.strategy.cells import cell_text, read_number
from sousei.io.strategy.external_links import refuse_external_links
from sousei.io.xlsx_style import BORDER, WRAP, save_atomically, set_widths, style_header
from sousei.japanese import EraError, NumberError, format_era_short, parse_fiscal_year
from sousei.strategy import Budget, Project, Role

LABELS = ("事業の目的と概要", "役割分担", "関係市町", "担当課", "事業費")
_SEPARATORS = re.compile(r"[、,，]\s*")


def _label(text: str) -> str | None:
    """`事業の 目的と概要`, `役割 分担`, `事業費※ (各年度予算額)` -> their plain label."""
    plain = re.sub(r"\(.*?\)|※|\s", "", unicodedata.normalize("NFKC", text))
    return next((label for label in LABELS if plain.startswith(label)), None)


def _right(row: list[object], start: int = 1) -> list[tuple[int, str]]:
    return [(i, cell_text(v)) for i, v in enumerate(row) if i >= start and cell_text(v)]


def _budgets(grid, r: int, sheet: str, problems: list[CellProblem]) -> tuple[Budget, ...]:
    years: list[tuple[int, int]] = []
    for index, text in _right(grid[r]):
        try:
            years.append((index, parse_fiscal_year(text)))
        except EraError:
            letter = get_column_letter(index + 1)
            message = f"年度として読めません: {text!r}"
            problems.append(CellProblem(sheet, r + 1, letter, "事業費", message))
    values = grid[r + 1] if r + 1 < len(grid) else []
    budgets = []
    for index, year in years:
        raw = values[index] if index < len(values) else None
        amount = None
        if cell_text(raw):
            try:
                amount = read_number(raw, "千円")
            except NumberError as exc:
                letter = get_column_letter(index + 1)
                problems.append(CellProblem(sheet, r + 2, letter, "事業費", str(exc)))
        budgets.append(Budget(year, amount))
    return tuple(budgets)


def read_project_sheet(ws: Worksheet, problems: list[CellProblem]) -> Project | None:
    """One project sheet, or None after recording its problems."""
    grid, filled = grid_of(ws)
    name, fields = "", {"purpose": "", "roles": [], "partners": (), "departments": ()}
    budgets: tuple[Budget, ...] = ()
    current = None
    for r, row in enumerate(grid):
        head = cell_text(row[0]) if row else ""
        label = _label(head) if head and (r, 0) not in filled else current
        values = _right(row)
        if not name and head and label is None:
            name = head
            continue
        if head and (r, 0) not in filled and label is None:
            problems.append(CellProblem(ws.title, r + 1, "A", "", f"不明な項目名です: {head!r}"))
            continue
        if label == "事業費" and current != "事業費":
            budgets = _budgets(grid, r, ws.title, problems)
        elif label == "役割分担" and len(values) >= 2:
            fields["roles"].append(Role(values[0][1], values[1][1]))
        elif label == "事業の目的と概要" and values:
            fields["purpose"] = values[0][1]
        elif label in ("関係市町", "担当課") and values:
            key = "partners" if label == "関係市町" else "departments"
            fields[key] = tuple(p for p in _SEPARATORS.split(values[0][1]) if p)
        current = label
    if not name:
        problems.append(CellProblem(ws.title, 1, "A", "", "事業名がありません"))
        return None
    return Project(name, purpose=fields["purpose"], roles=tuple(fields["roles"]),
                   partners=fields["partners"], departments=fields["departments"],
                   budgets=budgets)


def read_project_sheets(path: str | Path) -> tuple[Project, ...]:
    """Every sheet of the workbook as a project; raises `WorkbookError` listing every problem."""
    path = Path(path)
    refuse_external_links(path, path.name)
    book = open_workbook(path)
    problems: list[CellProblem] = []
    projects = [read_project_sheet(book[name], problems) for name in book.sheetnames]
    if problems:
        raise WorkbookError(path.name, problems)
    return tuple(p for p in projects if p is not None)


def write_project_sheet(ws: Worksheet, project: Project) -> None:
    ws.cell(row=1, column=1, value=project.name)
    rows: list[list[object]] = [["事業の目的と概要", project.purpose]]
    rows += [["役割分担" if i == 0 else None, role.municipality, role.role]
             for i, role in enumerate(project.roles)]
    rows.append(["関係市町", "、".join(project.partners)])
    if project.departments:
        rows.append(["担当課", "、".join(project.departments)])
    years = [format_era_short(b.fiscal_year) for b in project.budgets]
    rows.append(["事業費(各年度予算額)", *years])
    rows.append([None, *(b.thousand_yen for b in project.budgets)])
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.border, cell.alignment = BORDER, WRAP
            if isinstance(value, int | float):
                cell.number_format = '#,##0"千円"'
    if len(project.roles) > 1:
        ws.merge_cells(start_row=3, end_row=2 + len(project.roles), start_column=1, end_column=1)
    ws.merge_cells(start_row=len(rows), end_row=len(rows) + 1, start_column=1, end_column=1)
    style_header(ws, 1, 1)
    set_widths(ws, [22, 16, 60, 14, 14])


def write_project_sheets(projects: tuple[Project, ...], path: str | Path) -> Path:
    book = Workbook()
    book.remove(book.active)
    for number, project in enumerate(projects, start=1):
        write_project_sheet(book.create_sheet(f"事業{number}"), project)
    return save_atomically(book, path)
