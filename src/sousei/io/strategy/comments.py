"""The committee's comments from a CSV or XLSX file, for ``sousei report kpi --comments``.

One comment per row under a header row: 区分 (全体・基本目標・施策・事業・KPI), 対象 (the name as
in the 事業一覧), 委員の区分 (産・官・学・金・労・言・士, may be blank), 日付 (2025/3/10,
2025-03-10, 令和7年3月10日 or an Excel date, may be blank) and 意見 (required). Every problem
is collected and reported with file, sheet, row and column before anything is returned.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from sousei.io.errors import CellProblem, InputError, WorkbookError
from sousei.io.sheets import open_workbook
from sousei.io.upload_table import csv_rows
from sousei.japanese import EraError, parse_year
from sousei.strategy import COMMITTEE_SECTORS, CommitteeComment, Strategy
from sousei.strategy.comments import TARGET_KINDS, target_names

COLUMNS = {"区分": "kind", "対象の区分": "kind", "対象": "target", "委員の区分": "sector",
           "委員": "sector", "日付": "date", "意見": "text", "意見の内容": "text"}
REQUIRED = ("text",)
DATE_RE = re.compile(r"^(?P<year>.+?)[年/\-.](?P<month>\d{1,2})[月/\-.](?P<day>\d{1,2})日?$")


def _rows(path: Path) -> tuple[str, list[list[object]]]:
    """(sheet name, rows of cell values); a CSV is one sheet named after the file."""
    if path.suffix.lower() == ".xlsx":
        book = open_workbook(path)
        ws = book["意見"] if "意見" in book.sheetnames else book.worksheets[0]
        return ws.title, [list(r) for r in ws.iter_rows(values_only=True)]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        missing = CellProblem("-", 0, "", "", f"ファイルが見つかりません ({path})")
        raise WorkbookError(path.name, [missing]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp932", errors="replace")  # Excel's CSV on Japanese Windows
    try:
        return path.name, csv_rows(text, path.name)
    except InputError as error:
        problem = CellProblem("-", error.row or 0, error.column or "", "", error.message)
        raise WorkbookError(path.name, [problem]) from None


def _letter(index: int) -> str:
    return chr(ord("A") + index) if index < 26 else f"列{index + 1}"


def _date(value: object) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = DATE_RE.match(str(value).strip())
    if not match:
        raise ValueError(f"日付として読めません: {value!r} (例: 2025/3/10、令和7年3月10日)")
    try:
        year = parse_year(match["year"] + ("年" if not match["year"].isdigit() else ""))
        return date(year, int(match["month"]), int(match["day"]))
    except (EraError, ValueError):
        raise ValueError(f"日付として読めません: {value!r}") from None


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def read_comments(path: str | Path, strategy: Strategy | None = None) -> tuple[CommitteeComment, ...]:
    """The comments of ``path``; with ``strategy``, every 対象 must name one of its goals,
    measures, projects or KPIs of the given 区分."""
    path = Path(path)
    sheet, rows = _rows(path)
    if not rows:
        raise WorkbookError(path.name, [CellProblem(sheet, 1, "", "", "見出しの行がありません")])
    header = [_text(h) for h in rows[0]]
    columns = {COLUMNS[h]: i for i, h in enumerate(header) if h in COLUMNS}
    missing = [h for h, key in (("意見", "text"),) if key not in columns]
    if missing:
        problem = CellProblem(sheet, 1, "", "", f"見出し「{'」「'.join(missing)}」がありません"
                              f" (使える見出し: {'、'.join(COLUMNS)})")
        raise WorkbookError(path.name, [problem])
    names = target_names(strategy) if strategy is not None else None
    problems: list[CellProblem] = []
    comments = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(_text(c) for c in cells):
            continue

        def cell(key: str, cells: list[object] = cells) -> object:
            i = columns.get(key)
            return cells[i] if i is not None and i < len(cells) else None

        def problem(key: str, message: str, number: int = number) -> None:
            i = columns[key]
            problems.append(CellProblem(sheet, number, _letter(i), header[i], message))

        text, target = _text(cell("text")), _text(cell("target"))
        kind = _text(cell("kind")) or ("全体" if not target else "")
        sector = _text(cell("sector"))
        if not text:
            problem("text", "意見が空です")
        if kind not in TARGET_KINDS:
            if "kind" in columns:
                problem("kind", f"区分は {'・'.join(TARGET_KINDS)} のいずれかです (値: {kind!r})")
            else:
                problem("target", "対象を書くときは見出し「区分」の列も必要です")
            continue
        if names is not None and kind != "全体" and target not in names[kind]:
            problem("target", f"{kind}「{target}」は事業一覧にありません")
        if sector and sector not in COMMITTEE_SECTORS:
            problem("sector", f"委員の区分は {'・'.join(COMMITTEE_SECTORS)} のいずれかです (値: {sector!r})")
        try:
            given_on = _date(cell("date"))
        except ValueError as error:
            problem("date", str(error))
            given_on = None
        if text:
            comments.append(CommitteeComment(text, kind, target if kind != "全体" else "",
                                             sector if sector in COMMITTEE_SECTORS else "",
                                             given_on))
    if problems:
        raise WorkbookError(path.name, problems)
    return tuple(comments)
