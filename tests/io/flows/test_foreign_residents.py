"""Reading foreign residents by nationality and residence status: constructed file, cp932,
xlsx, and malformed rows named by file, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from sousei.io.errors import InputError
from sousei.io.flows.foreign_residents import read_foreign_residents, read_foreign_residents_file

DATA = Path(__file__).resolve().parents[2] / "data" / "foreign_kurume_constructed.csv"
TEXT = DATA.read_text(encoding="utf-8")
LINES = TEXT.splitlines()


def _read(text: str, encoding: str = "utf-8"):
    return read_foreign_residents(text.encode(encoding), "foreign.csv")


def test_reads_the_constructed_file_with_full_width_digits_normalised() -> None:
    frame = read_foreign_residents_file(DATA)
    assert len(frame) == 22
    assert "技能実習1号ロ" in set(frame["residence_status"])
    assert int(frame.loc[frame["nationality"] == "ベトナム", "persons"].max()) == 900


def test_cp932_with_japanese_headers_and_a_cross_table() -> None:
    text = ("年,地域コード,国籍・地域,在留資格,人数\n"
            "2024,40203,ベトナム,技能実習２号ロ,120\n2024,40203,ベトナム,留学,30\n"
            "2024,40203,ベトナム,合計,150\n2024,40203,中国,永住者,\"1,010\"\n")
    frame = _read(text, "cp932")
    assert list(frame["residence_status"]) == ["技能実習2号ロ", "留学", "総数", "永住者"]
    assert list(frame["persons"]) == [120, 30, 150, 1010]


def test_xlsx(tmp_path: Path) -> None:
    book = Workbook()
    for line in LINES:
        book.active.append([int(c) if c.isdigit() else c for c in line.split(",")])
    book.active["E3"] = "abc"
    path = tmp_path / "zairyu.xlsx"
    book.save(path)
    with pytest.raises(InputError) as error:
        read_foreign_residents_file(path)
    assert (error.value.row, error.value.column) == (3, "E列 (persons)")
    book.active["E3"] = 900
    book.save(path)
    assert len(read_foreign_residents_file(path)) == 22


def _replace(row: int, column: int, value: str) -> str:
    lines = list(LINES)
    cells = lines[row - 1].split(",")
    cells[column] = value
    lines[row - 1] = ",".join(cells)
    return "\n".join(lines)


@pytest.mark.parametrize(("text", "row", "column", "words"), [
    (TEXT.replace("persons", "count"), 1, None, "persons"),
    (_replace(3, 4, "-900"), 3, "persons", "負の値"),
    (_replace(3, 4, "9.5"), 3, "persons", "整数ではありません"),
    (_replace(4, 1, "4020"), 4, "area_code", "4020"),
    (_replace(5, 2, ""), 5, "nationality", "空欄"),
    (_replace(6, 2, "ベトナム"), 3, "nationality", "3、6行目"),
    (_replace(2, 0, "2101"), 2, "year", "範囲"),
    (_replace(2, 4, "3001"), 2, "persons", "国籍・地域別の合計 (3,000)"),
    (_replace(9, 4, "701"), 2, "persons", "在留資格別の合計 (3,001)"),
])
def test_malformed_rows_are_refused(text: str, row: int, column: str | None, words: str) -> None:
    with pytest.raises(InputError) as error:
        _read(text)
    problem = error.value
    assert (problem.file, problem.row) == ("foreign.csv", row)
    if column:
        assert problem.column == column
    assert words in str(problem)


def test_a_nationality_total_must_equal_its_statuses() -> None:
    text = LINES[0] + "\n2024,40203,ベトナム,総数,150\n2024,40203,ベトナム,留学,100\n" \
        "2024,40203,ベトナム,技能実習1号ロ,40\n"
    with pytest.raises(InputError) as error:
        _read(text)
    assert error.value.row == 2 and "内訳の合計 (140)" in str(error.value)
