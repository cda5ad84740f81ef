"""Bad input to the 住基 readers: refused by file, sheet, row and column, never a crash.

The workbooks are the first rows of the shipped 2108nsnen.xlsx (a real download), written
back with one cell changed, so every other cell is as published.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from sousei.io.errors import InputError
from sousei.io.flows.juki_dynamics import read_juki_dynamics
from sousei.io.population.juki_soumu import read_juki_ages
from sousei.io.reference.shipped import juki_file

N_ROWS = 15  # title, header, units, 合計 x3, 北海道 x3, 札幌市 x3, 中央区 x3


@cache
def head_rows() -> tuple[tuple[object, ...], ...]:
    book = load_workbook(juki_file("2108nsnen.xlsx"), read_only=True)
    rows = tuple(book.worksheets[0].iter_rows(values_only=True, max_row=N_ROWS))
    book.close()
    return rows


def write(rows, folder: Path, name: str = "2108nsnen.xlsx") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "年齢別人口（市区町村別）【日本人住民】"
    for row in rows:
        sheet.append(list(row))
    path = folder / name
    book.save(path)
    return path


def changed(row: int, column: int, value: object) -> list[list[object]]:
    rows = [list(r) for r in head_rows()]
    rows[row][column] = value
    return rows


def test_the_unchanged_head_reads(tmp_path: Path):
    table = read_juki_ages(write(head_rows(), tmp_path))
    assert set(table.frame["area_code"]) == {"00000", "01000", "01100", "01101"}


def test_wrong_check_digit_is_refused_at_its_cell(tmp_path: Path):
    with pytest.raises(InputError) as caught:
        read_juki_ages(write(changed(9, 0, "011003"), tmp_path))  # 札幌市 is 011002
    error = caught.value
    assert (error.file, error.row, error.column) == ("2108nsnen.xlsx", 10, "A (団体コード)")
    assert error.sheet == "年齢別人口（市区町村別）【日本人住民】"
    assert "検査数字" in error.message


def test_unreadable_count_is_refused_at_its_cell(tmp_path: Path):
    with pytest.raises(InputError) as caught:
        read_juki_ages(write(changed(10, 6, "十二"), tmp_path))
    assert (caught.value.row, caught.value.column) == (11, "G (5歳～9歳)")


def test_counts_without_a_sex_are_refused(tmp_path: Path):
    with pytest.raises(InputError) as caught:
        read_juki_ages(write(changed(10, 3, "男女"), tmp_path))
    assert (caught.value.row, caught.value.column) == (11, "D (性別)")


def test_a_gap_in_the_age_groups_is_refused_at_the_header(tmp_path: Path):
    with pytest.raises(InputError) as caught:
        read_juki_ages(write(changed(1, 7, "15歳～19歳"), tmp_path))
    assert caught.value.row == 2 and caught.value.column.startswith("H")


def test_a_title_without_a_date_is_refused(tmp_path: Path):
    with pytest.raises(InputError) as caught:
        read_juki_ages(write(changed(0, 0, "住民基本台帳年齢階級別人口（日本人住民）"), tmp_path))
    assert caught.value.row == 1 and "基準日" in caught.value.message


def test_not_an_excel_file(tmp_path: Path):
    path = tmp_path / "1708nsnen.xls"
    path.write_bytes(b"not a workbook")
    with pytest.raises(InputError) as caught:
        read_juki_ages(path)
    assert caught.value.file == "1708nsnen.xls"
    path = tmp_path / "1708nsnen.xls.gz"
    path.write_bytes(b"not gzip")
    with pytest.raises(InputError):
        read_juki_dynamics(path)


cells = st.one_of(st.none(), st.integers(-10**9, 10**9), st.floats(allow_nan=True),
                  st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=8),
                  st.sampled_from(["X", "-", "…", "０～４歳", "計", "男",
                                                        "合計", "010006", "100歳以上", "総数"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(row=st.integers(0, N_ROWS - 1), column=st.integers(0, 25), value=cells,
       drop=st.integers(0, N_ROWS))
def test_any_one_cell_changed_reads_or_is_refused_by_location(row, column, value, drop):
    rows = changed(row, column, value)
    if drop < N_ROWS:
        del rows[drop]
    with tempfile.TemporaryDirectory() as folder:
        path = write(rows, Path(folder))
        try:
            table = read_juki_ages(path)
        except InputError as error:
            assert error.file == "2108nsnen.xlsx"
            assert error.sheet == "年齢別人口（市区町村別）【日本人住民】"
            assert error.row is not None
            return
    assert not table.frame["value"].isna().any()
    assert set(table.frame["sex"]) == {"M", "F"}


@cache
def dynamics_rows() -> tuple[tuple[object, ...], ...]:
    book = load_workbook(juki_file("2107nsjin.xlsx"), read_only=True)
    rows = tuple(book.worksheets[0].iter_rows(values_only=True, max_row=12))
    book.close()
    return rows


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(row=st.integers(0, 11), column=st.integers(0, 30), value=cells)
def test_dynamics_with_one_cell_changed_reads_or_is_refused_by_location(row, column, value):
    rows = [list(r) for r in dynamics_rows()]
    rows[row][column] = value
    with tempfile.TemporaryDirectory() as folder:
        path = write(rows, Path(folder), "2107nsjin.xlsx")
        try:
            table = read_juki_dynamics(path)
        except InputError as error:
            assert error.file == "2107nsjin.xlsx"
            assert error.row is not None
            return
    assert len(table.frame) >= 1
