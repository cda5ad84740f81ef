"""The moves-by-age reader: 5-year grid, Japanese headers, single ages, errors naming the cell.

The counts are made up for the test (no published moves-by-age table ships with sousei); each
error case is one broken cell of an otherwise valid file.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import Workbook

from sousei.demography.ages import AGE_STARTS
from sousei.io.errors import InputError
from sousei.io.flows.moves_by_age import read_moves_by_age, write_moves_csv

HEADER = "年,地域コード,性別,年齢,年齢幅,転入,転出"


def _lines(code: str = "40203", year: int = 2023) -> list[str]:
    lines = []
    for sex in ("男", "女"):
        for a in AGE_STARTS:
            span = "" if a == 90 else "5"
            lines.append(f"{year},{code},{sex},{a},{span},{a + 10},{a // 5 + 1}")
    return lines


def _csv(lines: list[str]) -> bytes:
    return "\n".join([HEADER, *lines]).encode("utf-8")


def test_reads_the_grid_with_japanese_headers() -> None:
    frame = read_moves_by_age(_csv(_lines()), "moves.csv")
    assert len(frame) == 38
    row = frame[(frame.sex == "M") & (frame.age_start == 20)].iloc[0]
    assert (row.year, row.area_code, row.in_moves, row.out_moves) == (2023, "40203", 30, 5)


def test_single_ages_and_thousands_separators_are_summed_into_the_grid() -> None:
    lines = _lines()
    lines[0] = '2023,40203,男,0,1,"1,000",1'  # 0歳
    lines.insert(1, "2023,40203,男,1,4,5,2")  # 1～4歳
    frame = read_moves_by_age(_csv(lines), "moves.csv")
    row = frame[(frame.sex == "M") & (frame.age_start == 0)].iloc[0]
    assert (row.in_moves, row.out_moves) == (1_005, 3)


def test_round_trip() -> None:
    frame = read_moves_by_age(_csv(_lines() + _lines("40305", 2022)), "moves.csv")
    again = read_moves_by_age(write_moves_csv(frame), "again.csv")
    pd.testing.assert_frame_equal(frame, again)


def test_xlsx_errors_name_sheet_row_and_column_letter() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "移動"
    sheet.append(HEADER.split(","))
    for line in _lines():
        sheet.append([int(v) if v.isdigit() else (v or None) for v in line.split(",")])
    sheet["G5"] = -3
    data = io.BytesIO()
    book.save(data)
    with pytest.raises(InputError) as caught:
        read_moves_by_age(data.getvalue(), "moves.xlsx")
    error = caught.value
    assert (error.file, error.sheet, error.row, error.column) == (
        "moves.xlsx",
        "移動",
        5,
        "G列 (out_moves)",
    )


def _broken(index: int, line: str) -> list[str]:
    lines = _lines()
    lines[index] = line
    return lines


@pytest.mark.parametrize(
    ("lines", "row", "column", "words"),
    [
        (_broken(3, "2023,40203,男,15,5,-1,2"), 5, "in_moves", "0以上の整数"),
        (_broken(3, "2023,40203,男,15,5,1.5,2"), 5, "in_moves", "0以上の整数"),
        (_broken(0, "2023,99999,男,0,5,1,2"), 2, "area_code", "コード表にありません"),
        (_broken(4, "2023,40203,男,15,5,1,2"), 5, "age_start", "複数行"),
        (_lines()[:-1], 21, "age_start", "90歳以上"),  # the women start on row 21
        ([line for line in _lines() if ",男,45," not in line], 2, "age_start", "45～49歳"),
    ],
)
def test_errors_name_file_row_and_column(
    lines: list[str], row: int, column: str, words: str
) -> None:
    with pytest.raises(InputError) as caught:
        read_moves_by_age(_csv(lines), "moves.csv")
    error = caught.value
    assert (error.file, error.row, error.column) == ("moves.csv", row, column)
    assert words in error.message


def test_missing_columns_are_named() -> None:
    with pytest.raises(InputError, match="out_moves"):
        read_moves_by_age("年,地域コード,性別,年齢,年齢幅,転入\n".encode(), "moves.csv")
