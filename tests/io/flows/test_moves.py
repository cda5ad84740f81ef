"""Reading moves by origin/destination: the constructed 久留米市 file, cp932, xlsx, and every
malformed case naming file, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from sousei.io.errors import InputError
from sousei.io.flows.moves import read_moves, read_moves_file

DATA = Path(__file__).resolve().parents[2] / "data" / "moves_kurume_constructed.csv"
TEXT = DATA.read_text(encoding="utf-8")
LINES = TEXT.splitlines()


def _read(text: str, name: str = "moves.csv"):
    return read_moves(text.encode("utf-8"), name)


def test_reads_the_constructed_file() -> None:
    frame = read_moves_file(DATA)
    assert len(frame) == 14
    tokyo = frame[(frame["year"] == 2023) & (frame["counterpart"] == "13000")].iloc[0]
    assert (tokyo.counterpart_name, tokyo.level, tokyo.in_moves, tokyo.out_moves) == (
        "東京都", "prefecture", 400, 700)
    assert set(frame["level"]) == {"total", "prefecture", "municipality", "abroad", "other"}
    assert frame.loc[frame["counterpart"] == "40130", "counterpart_name"].iloc[0] == "福岡市"


def test_cp932_and_english_headers_and_names_without_codes() -> None:
    text = ("year,area_code,counterpart_code,counterpart_name,in_moves,out_moves\n"
            "2023,402036,,東京都,\"1,200\",900\n2023,40203,,福岡市,10,-\n"
            "2023,40203,国外,,5,0\n")
    frame = read_moves(text.encode("cp932"), "sjis.csv")
    assert list(frame["counterpart"]) == ["13000", "40130", "abroad"]
    assert list(frame["area_code"]) == ["40203"] * 3
    assert list(frame["in_moves"]) == [1200, 10, 5]
    assert list(frame["out_moves"]) == [900, 0, 0]  # a printed dash is zero


def test_xlsx_reads_and_errors_name_the_sheet_and_column_letter(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "移動"
    for line in LINES:
        sheet.append([int(c) if c.isdigit() and len(c) > 2 else c for c in line.split(",")])
    path = tmp_path / "moves.xlsx"
    book.save(path)
    assert len(read_moves_file(path)) == 14
    sheet["E4"] = -3
    book.save(path)
    with pytest.raises(InputError) as error:
        read_moves_file(path)
    assert str(error.value).startswith("ファイル moves.xlsx、シート 移動、4行目、列 E列 (in_moves)")


def _replace(row: int, column: int, value: str, name: str | None = None) -> str:
    lines = list(LINES)
    cells = lines[row - 1].split(",")
    cells[column] = value
    if name is not None:
        cells[3] = name
    lines[row - 1] = ",".join(cells)
    return "\n".join(lines)


@pytest.mark.parametrize(("text", "row", "column", "words"), [
    (TEXT.replace("転出数", "転出"), None, None, None),  # an alias: accepted
    (TEXT.replace("東京都", "東京都区部"), None, None, None),  # a name the master lacks
    (TEXT.replace(",転出数", ",出ていった人"), 1, None, "out_moves"),
    (_replace(5, 4, "-400"), 5, "in_moves", "負の値"),
    (_replace(5, 5, "70.5"), 5, "out_moves", "整数ではありません"),
    (_replace(6, 5, ""), 6, "out_moves", "空欄"),
    (_replace(7, 1, "99999"), 7, "area_code", "99999"),
    (_replace(7, 2, "99"), 7, "counterpart_code", "99"),
    (_replace(7, 2, "402036", name=""), 7, "counterpart_code", "同じ"),
    (_replace(8, 2, "41", name="佐賀県"), 8, "counterpart_code", "8、9行目"),  # 佐賀県 twice
    (_replace(9, 0, "1890"), 9, "year", "1950"),
    (_replace(9, 3, "大阪府"), 9, "counterpart_code", "一致しません"),  # 41 is 佐賀県
    (_replace(9, 3, "佐賀"), None, None, None),  # the short name of 41: accepted
    (_replace(2, 4, "7221"), 2, "in_moves", "7,221"),  # 総数 does not reconcile
    (_replace(4, 4, "4900"), 3, "in_moves", "(5,200)"),  # 福岡市 + 大牟田市 > 福岡県
])
def test_malformed_rows_are_refused_naming_file_row_column(text: str, row: int | None,
                                                           column: str | None,
                                                           words: str | None) -> None:
    if row is None:
        assert len(_read(text)) == 14
        return
    with pytest.raises(InputError) as error:
        _read(text)
    problem = error.value
    assert (problem.file, problem.row) == ("moves.csv", row)
    if column:
        assert problem.column == column
    assert words in str(problem)


def test_not_a_workbook_and_no_rows() -> None:
    with pytest.raises(InputError, match="Excel"):
        read_moves(b"PK\x03\x04broken", "broken.xlsx")
    with pytest.raises(InputError, match="データ行がありません"):
        _read(LINES[0] + "\n\n")
