"""The long CSV/xlsx format: round trips on real rows and every kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from sousei.io.errors import InputError
from sousei.io.population.census import read_census
from sousei.io.population.long_format import (
    read_long,
    read_long_csv,
    read_long_xlsx,
    replace_atomically,
    write_long,
    write_long_csv,
    write_long_xlsx,
)
from sousei.testing import assert_population_frames_equal

DATA = Path(__file__).resolve().parents[2] / "data"
HEADER = "area_code,nationality,sex,age_start,age_span,year,value\n"


@pytest.fixture(scope="module")
def census() -> pd.DataFrame:
    return read_census(DATA / "census_kurume_nakagawa.csv").population


def _grid_lines(code: str = "40203", sex: str = "M", skip: tuple[int, ...] = ()) -> list[str]:
    lines = []
    for age in range(0, 91, 5):
        if age in skip:
            continue
        span = "" if age == 90 else "5"
        lines.append(f"{code},total,{sex},{age},{span},2020,{100 + age}\n")
    return lines


def _write(tmp_path: Path, lines: list[str], header: str = HEADER) -> Path:
    path = tmp_path / "input.csv"
    path.write_text(header + "".join(lines), encoding="utf-8")
    return path


def test_csv_round_trip_on_census(census: pd.DataFrame, tmp_path: Path) -> None:
    path = tmp_path / "kurume.csv"
    write_long_csv(census, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + HEADER.encode())
    assert b"40203,total,F,90,,2015,3126\n" in raw  # open group: age_span written empty
    assert_population_frames_equal(read_long_csv(path), census)


def test_xlsx_round_trip_on_census(census: pd.DataFrame, tmp_path: Path) -> None:
    path = tmp_path / "kurume.xlsx"
    write_long_xlsx(census, path)
    assert_population_frames_equal(read_long_xlsx(path), census)
    assert_population_frames_equal(read_long_xlsx(path, sheet="人口"), census)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.floats(0, 1e7, allow_nan=False), min_size=19, max_size=19))
def test_round_trip_keeps_any_value(tmp_path: Path, values: list[float]) -> None:
    frame = read_long_csv(_write(tmp_path, _grid_lines() + _grid_lines(sex="F")))
    frame.loc[frame.sex == "M", "value"] = values
    write_long_csv(frame, tmp_path / "out.csv")
    assert_population_frames_equal(read_long_csv(tmp_path / "out.csv"), frame)


def test_japanese_labels_and_six_digit_codes(tmp_path: Path) -> None:
    lines = [line.replace("40203,total,M", "402036,総数,男") for line in _grid_lines()] + [
        line.replace("40203,total,F", "40203,日本人,女") for line in _grid_lines(sex="F")
    ]
    frame = read_long_csv(_write(tmp_path, lines))
    assert set(frame.area_code) == {"40203"}
    assert set(zip(frame.nationality, frame.sex, strict=True)) == {
        ("total", "M"),
        ("japanese", "F"),
    }


def test_single_years_and_100_plus_are_accepted(tmp_path: Path) -> None:
    lines = [f"40203,total,M,{age},1,2020,10\n" for age in range(100)]
    lines.append("40203,total,M,100,,2020,3\n")
    frame = read_long_csv(_write(tmp_path, lines))
    assert len(frame) == 101 and frame.age_span.isna().sum() == 1


def _error(tmp_path: Path, lines: list[str], header: str = HEADER) -> InputError:
    with pytest.raises(InputError) as caught:
        read_long_csv(_write(tmp_path, lines, header))
    assert caught.value.file == "input.csv"
    return caught.value


def test_missing_column(tmp_path: Path) -> None:
    error = _error(tmp_path, ["40203,total,M,0,5,2020\n"], HEADER.replace(",value", ""))
    assert error.row == 1 and "value" in error.message


def test_bad_cells_name_row_and_column(tmp_path: Path) -> None:
    cases = [
        ("40203,total,M,0,5,2020,abc\n", "value", "数値ではありません"),
        ("40203,total,M,0,5,2020,-3\n", "value", "負"),
        ("40203,total,X,0,5,2020,3\n", "sex", "'X' は使えません"),
        ("40203,alien,M,0,5,2020,3\n", "nationality", "使えません"),
        ("402037,total,M,0,5,2020,3\n", "area_code", "検査数字"),
        ("99999,total,M,0,5,2020,3\n", "area_code", "コード表にありません"),
        ("40203,total,M,zero,5,2020,3\n", "age_start", "整数ではありません"),
    ]
    for bad, column, text in cases:
        lines = _grid_lines()
        lines[3] = bad  # the 4th data line = row 5 in an editor
        error = _error(tmp_path, lines)
        assert (error.row, error.column) == (5, column), bad
        assert text in error.message
        assert "input.csv" in str(error) and "5行目" in str(error)


def test_missing_age_groups_are_named(tmp_path: Path) -> None:
    error = _error(tmp_path, _grid_lines(skip=(85,)) + _grid_lines(sex="F"))
    assert "40203 total M 2020年" in error.message
    assert "85～89歳" in error.message and "5～9歳" not in error.message
    error = _error(tmp_path, _grid_lines(skip=(0, 90)))
    assert "0～4歳" in error.message and "90歳以上" in error.message


def test_duplicates_name_both_rows(tmp_path: Path) -> None:
    lines = _grid_lines()
    lines.append(lines[2])
    error = _error(tmp_path, lines)
    assert "4、21行目" in error.message


def test_groups_across_the_grid_and_low_open_groups(tmp_path: Path) -> None:
    lines = [*_grid_lines(skip=(0, 5)), "40203,total,M,0,10,2020,5\n"]
    assert "またいで" in _error(tmp_path, lines).message
    lines = [*_grid_lines(skip=(85, 90)), "40203,total,M,85,,2020,5\n"]
    assert "85歳 から" in _error(tmp_path, lines).message


def test_blank_lines_keep_editor_row_numbers(tmp_path: Path) -> None:
    lines = _grid_lines()
    lines.insert(1, "\n")
    lines[5] = "40203,total,M,15,5,2020,-1\n"
    assert _error(tmp_path, lines).row == 7


def test_cp932_csv_from_excel(tmp_path: Path) -> None:
    path = tmp_path / "sjis.csv"
    body = "".join(line.replace("total,M", "総数,男") for line in _grid_lines())
    path.write_bytes((HEADER + body).encode("cp932"))
    assert len(read_long_csv(path)) == 19


def test_xlsx_errors_name_sheet_and_column_letter(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "住基"
    sheet.append(["地域コード", "国籍", "性別", "年齢", "年齢幅", "年", "人口"])
    for line in _grid_lines():
        cells = line.strip().split(",")
        sheet.append(
            [
                int(cells[0]),
                cells[1],
                cells[2],
                int(cells[3]),
                int(cells[4]) if cells[4] else None,
                int(cells[5]),
                float(cells[6]),
            ]
        )
    sheet["G6"] = -5
    path = tmp_path / "jyuki.xlsx"
    book.save(path)
    with pytest.raises(InputError) as caught:
        read_long_xlsx(path)
    error = caught.value
    assert (error.sheet, error.row, error.column) == ("住基", 6, "G列 (value)")
    with pytest.raises(InputError, match="シート 人口 がありません"):
        read_long_xlsx(path, sheet="人口")


def test_failed_write_leaves_previous_file_untouched(tmp_path: Path, census: pd.DataFrame) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous\n", encoding="utf-8")
    with pytest.raises(KeyError):
        write_long_csv(census.drop(columns="value"), target)
    with pytest.raises(RuntimeError), replace_atomically(target) as temporary:
        temporary.write_text("half a file", encoding="utf-8")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_dispatch_by_suffix_and_unreadable_files(tmp_path: Path, census: pd.DataFrame) -> None:
    for name in ("a.csv", "a.xlsx"):
        write_long(census, tmp_path / name)
        assert_population_frames_equal(read_long(tmp_path / name), census)
    with pytest.raises(InputError, match="見つかりません"):
        read_long(tmp_path / "none.csv")
    (tmp_path / "fake.xlsx").write_text("not a workbook", encoding="utf-8")
    with pytest.raises(InputError, match="Excel ブック"):
        read_long(tmp_path / "fake.xlsx")
    with pytest.raises(InputError, match=r"\.csv か \.xlsx"):
        write_long(census, tmp_path / "a.json")


def test_wide_sheet_is_refused_with_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("地域コード,性別,0～4歳,5～9歳\n40203,男,7106,6882\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_long(path)
    assert caught.value.row == 1
    assert "nationality、age_start、age_span、year、value" in caught.value.message
