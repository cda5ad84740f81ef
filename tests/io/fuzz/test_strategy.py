"""Fuzzed strategy readers (事業一覧 progress workbook, committee comments) from the examples."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from sousei.io.strategy.comments import read_comments
from sousei.io.strategy.progress import read_progress_workbook
from tests.io.fuzz.mutations import EXAMPLES, FUZZ, cell_value, csv_rows, damaged_bytes, mutated_csv
from tests.io.fuzz.refusal import reads_or_refuses

pytestmark = pytest.mark.slow

BOOK = EXAMPLES / "事業一覧.xlsx"


@st.composite
def edited_book(draw: st.DrawFn) -> bytes:
    """The example workbook with a few cells of its used range overwritten or rows deleted."""
    book = load_workbook(BOOK)
    sheet = book.worksheets[draw(st.integers(0, len(book.worksheets) - 1))]
    for _ in range(draw(st.integers(1, 4))):
        row = draw(st.integers(1, max(sheet.max_row, 1)))
        if draw(st.integers(0, 5)) == 0:
            sheet.delete_rows(row)
            continue
        column = draw(st.integers(1, max(sheet.max_column, 1)))
        value = draw(cell_value)
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if (isinstance(value, float) and value != value) or value in (float("inf"), float("-inf")):
            value = str(value)  # a workbook cannot store NaN or infinity as a number
        try:
            sheet.cell(row, column).value = value
        except AttributeError:  # a merged cell is read-only
            continue
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@FUZZ
@given(st.one_of(edited_book(), edited_book(), damaged_bytes(BOOK.read_bytes())))
def test_progress_workbook(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, BOOK.name)
        path.write_bytes(data)
        reads_or_refuses(lambda: read_progress_workbook(path), BOOK.name, sheet=True)


@FUZZ
@given(mutated_csv(csv_rows(EXAMPLES / "意見.csv")))
def test_comments(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "意見.csv")
        path.write_bytes(data)
        reads_or_refuses(lambda: read_comments(path), "意見.csv")
