"""Workbooks are checked before they are parsed: a decompression bomb, too many rows, a cell
longer than Excel allows, a damaged archive and a protected file are refused fast, by name."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from sousei.io.errors import InputError, WorkbookError
from sousei.io.population.long_format import read_long_xlsx
from sousei.io.sheets import open_workbook
from sousei.io.upload_table import csv_rows, xlsx_cells
from sousei.io.xlsx_guard import MAX_CELL_CHARS, MAX_ROWS, check_xlsx


def _book(path: Path, rows: list[list[object]], title: str = "人口") -> Path:
    book = Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _with_member(source: Path, target: Path, name: str, chunks) -> Path:
    """A copy of `source` with one member replaced or added, written in chunks."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != name:
                new.writestr(info, old.read(info))
        with new.open(name, "w") as member:
            for chunk in chunks:
                member.write(chunk)
    return target


def test_a_decompression_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    plain = _book(tmp_path / "plain.xlsx", [["area_code"], ["40203"]])
    bomb = _with_member(plain, tmp_path / "bomb.xlsx", "xl/media/padding.bin",
                        (b"\0" * 2**20 for _ in range(95)))
    assert bomb.stat().st_size < 400 * 1024  # a small file ...
    started = time.perf_counter()
    with pytest.raises(InputError) as refused:
        read_long_xlsx(bomb)
    assert time.perf_counter() - started < 2  # ... refused at once (it took 49 s and 1.3 GB)
    assert "展開すると 95 MiB" in str(refused.value) and refused.value.file == "bomb.xlsx"


def test_too_many_rows_are_refused_naming_the_sheet(tmp_path: Path) -> None:
    plain = _book(tmp_path / "plain.xlsx", [["x"]], title="年齢別")
    rows = (b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(1, MAX_ROWS + 2))
    head = [b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxml'
            b'formats.org/spreadsheetml/2006/main"><sheetData>']
    tall = _with_member(plain, tmp_path / "tall.xlsx", "xl/worksheets/sheet1.xml",
                        [*head, *rows, b"</sheetData></worksheet>"])
    with pytest.raises(InputError) as refused:
        check_xlsx(tall, "tall.xlsx")
    assert refused.value.sheet == "年齢別" and "300,000 行" in refused.value.message


def test_a_cell_longer_than_excel_allows_is_refused_with_its_position(tmp_path: Path) -> None:
    """openpyxl cuts a longer text to the limit when it writes, so the sheet is written as
    another program may write it."""
    plain = _book(tmp_path / "plain.xlsx", [["x"]])
    path = _with_member(plain, tmp_path / "long.xlsx", "xl/worksheets/sheet1.xml", [
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>KPI</t></is></c></row>'
        b'<row r="2"><c r="B2" t="inlineStr"><is><t>', "あ".encode() * 40_000,
        b"</t></is></c></row></sheetData></worksheet>",
    ])
    with pytest.raises(WorkbookError) as refused:
        open_workbook(path)
    (problem,) = refused.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("人口", 2, "B")
    assert "32,767 字" in problem.message


def test_a_damaged_archive_and_a_protected_book_are_refused_by_name(tmp_path: Path) -> None:
    plain = _book(tmp_path / "plain.xlsx", [["area_code"], *[[str(i)] for i in range(2000)]])
    data = bytearray(plain.read_bytes())
    with zipfile.ZipFile(plain) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 10: start + 40] = b"\xff" * 30  # inside the deflate stream
    with pytest.raises(InputError) as damaged:
        xlsx_cells(bytes(data), "damaged.xlsx")
    assert "壊れています" in damaged.value.message and damaged.value.file == "damaged.xlsx"
    protected = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
    with pytest.raises(InputError) as locked:
        xlsx_cells(protected, "locked.xlsx")
    assert "パスワード" in locked.value.message


def test_an_ordinary_book_passes_and_reads(tmp_path: Path) -> None:
    path = _book(tmp_path / "ok.xlsx", [["a", "b"], [1, "=SUM(1,2)"]])
    check_xlsx(path, "ok.xlsx")
    cells, sheet = xlsx_cells(path.read_bytes(), "ok.xlsx")
    assert sheet == "人口" and cells[1][0] == "1"


def test_csv_cells_longer_than_a_spreadsheet_cell_are_refused() -> None:
    text = "a,b\n1," + "x" * 200_000 + "\n"
    with pytest.raises(InputError) as refused:
        csv_rows(text, "big.csv")
    assert refused.value.row == 2 and "字を超えています" in refused.value.message
    short = "a,b\n1," + "x" * (MAX_CELL_CHARS + 1) + "\n"
    with pytest.raises(InputError) as named:
        csv_rows(short, "big.csv")
    assert (named.value.row, named.value.column) == (2, "B")


def _flagged(source: Path, target: Path, bit: int) -> Path:
    """A copy of `source` whose central directory marks every member with general-purpose
    flag `bit` (0: encrypted with a zip password, 5: compressed patched data)."""
    data = bytearray(source.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        data[at + 8] |= 1 << bit
        at = data.find(b"PK\x01\x02", at + 4)
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize(("bit", "says"), [(0, "パスワード"), (5, "壊れています")])
def test_an_encrypted_or_patched_member_is_refused_by_name(tmp_path: Path, bit: int,
                                                           says: str) -> None:
    """The fuzz found both in a 住基 table: zipfile raises RuntimeError / NotImplementedError."""
    from sousei.io.population.juki_soumu import read_juki_ages

    plain = _book(tmp_path / "plain.xlsx", [["団体コード"], ["012025"]])
    flagged = _flagged(plain, tmp_path / "2108nsnen.xlsx", bit)
    for read in (lambda: check_xlsx(flagged, flagged.name), lambda: read_juki_ages(flagged)):
        with pytest.raises(InputError) as refused:
            read()
        assert says in refused.value.message and refused.value.file == "2108nsnen.xlsx"
