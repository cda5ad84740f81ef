"""Fuzzed population readers (long layout as CSV and xlsx, census tables), from the example and
test data files: a valid result or a refusal naming file, sheet, row and column."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from sousei.io.population.census import read_census
from sousei.io.population.long_format import read_long_csv, read_long_xlsx
from tests.io.fuzz.mutations import (
    DATA,
    EXAMPLES,
    FUZZ,
    csv_rows,
    damaged_bytes,
    mutated_csv,
    mutated_rows,
)
from tests.io.fuzz.refusal import reads_or_refuses

pytestmark = pytest.mark.slow

LONG = csv_rows(EXAMPLES / "juki.csv", limit=43)  # header + one area and year, M and F x 21 ages


def _typed(rows: list[list[str]]) -> list[list[object]]:
    """The CSV's cells as a user's workbook holds them: numbers as numbers."""
    return [[int(c) if c.isdigit() and i != 0 else c for i, c in enumerate(row)] for row in rows]


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    book.active.title = "人口"
    for row in rows:  # a workbook cannot hold control characters: Excel would not write them
        book.active.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v
                            for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD_XLSX = _xlsx(_typed(LONG))


@FUZZ
@given(mutated_csv(LONG))
def test_long_csv(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "juki.csv")
        path.write_bytes(data)
        reads_or_refuses(lambda: read_long_csv(path), "juki.csv")


@FUZZ
@given(st.one_of(mutated_rows(_typed(LONG)).map(_xlsx), damaged_bytes(GOOD_XLSX)))
def test_long_xlsx(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "juki.xlsx")
        path.write_bytes(data)
        reads_or_refuses(lambda: read_long_xlsx(path), "juki.xlsx", sheet=True)


@FUZZ
@given(mutated_csv(csv_rows(DATA / "census_kurume_nakagawa.csv")))
def test_census(data: bytes) -> None:
    name = "census_kurume_nakagawa.csv"
    reads_or_refuses(lambda: read_census(io.BytesIO(data), name), name)
