"""Fuzzed 住基 readers (年齢別人口 and 人口動態 tables): the first rows of shipped downloads with
cells replaced, rows dropped and headers changed, and the shipped bytes damaged."""

from __future__ import annotations

import gzip
import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from sousei.io.flows.juki_dynamics import read_juki_dynamics
from sousei.io.population.juki_soumu import read_juki_ages
from sousei.io.reference.shipped import juki_file
from tests.io.fuzz.mutations import FUZZ, damaged_bytes, mutated_rows
from tests.io.fuzz.refusal import reads_or_refuses

pytestmark = pytest.mark.slow

N_ROWS = 15  # title, header, units, 合計, 北海道, 札幌市, 中央区 (x3 sexes)


@cache
def head_rows(name: str) -> tuple[tuple[object, ...], ...]:
    book = load_workbook(juki_file(name), read_only=True)
    sheet = book.worksheets[0]
    rows = (sheet.title, tuple(sheet.iter_rows(values_only=True, max_row=N_ROWS)))
    book.close()
    return rows


def _write(title: str, rows: list[list[object]], path: Path) -> Path:
    book = Workbook()
    book.active.title = title
    for row in rows:
        book.active.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v
                            for v in row])
    book.save(path)
    return path


@cache
def small_xls() -> bytes:
    """The first 64 KiB of the smallest shipped .xls: damaged, it exercises the .xls path
    (header records, then a cut) without reading a whole national table per case."""
    folder = juki_file("2108nsnen.xlsx").parent
    smallest = min(folder.glob("*.xls.gz"), key=lambda p: p.stat().st_size)
    return gzip.decompress(smallest.read_bytes())[:65536]


@cache
def small_xlsx(name: str) -> bytes:
    """The head rows of ``name`` as a small workbook, whose damaged bytes exercise the zip."""
    with tempfile.TemporaryDirectory() as folder:
        title, rows = head_rows(name)
        return _write(title, [list(r) for r in rows], Path(folder, name)).read_bytes()


def _fuzz(read, name: str, data) -> None:
    with tempfile.TemporaryDirectory() as folder:
        kind, payload = data
        if kind == "rows":
            title, _ = head_rows(name)
            path = _write(title, payload, Path(folder, name))
        else:
            suffix = ".xls.gz" if kind == "xls" else ".xlsx"
            path = Path(folder, name.split(".")[0] + suffix)
            path.write_bytes(payload)
        reads_or_refuses(lambda: read(path), path.name, sheet=True)


def _inputs(name: str) -> st.SearchStrategy:
    return st.one_of(
        mutated_rows(head_rows(name)[1]).map(lambda rows: ("rows", rows)),
        mutated_rows(head_rows(name)[1]).map(lambda rows: ("rows", rows)),
        st.just(0).flatmap(lambda _: damaged_bytes(small_xlsx(name))).map(lambda b: ("xlsx", b)),
        st.just(0).flatmap(lambda _: damaged_bytes(small_xls()))
        .map(lambda b: ("xls", gzip.compress(b, compresslevel=1))),
        st.just(0).flatmap(lambda _: damaged_bytes(gzip.compress(small_xls()[:4096])))
        .map(lambda b: ("xls", b)),
    )


@FUZZ
@given(_inputs("2108nsnen.xlsx"))
def test_juki_ages(data) -> None:
    _fuzz(read_juki_ages, "2108nsnen.xlsx", data)


@FUZZ
@given(_inputs("2107nsjin.xlsx"))
def test_juki_dynamics(data) -> None:
    _fuzz(read_juki_dynamics, "2107nsjin.xlsx", data)
