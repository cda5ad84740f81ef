"""Census tables from e-Stat (and the ecitizen table) read as a user's population file.

The files carry the census of 久留米市 and 大川市, 2010 and 2015 (see estat_fixture); read
back, they must give the shipped census with 年齢不詳 allocated, i.e. ``census_history``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from sousei.io.errors import InputError
from sousei.io.population.convert import frame_to_population
from sousei.io.population.read import read_population
from sousei.vision.inputs import census_history
from tests.io.population.estat_fixture import SOURCE, estat_rows, header_line, write_estat

AREAS = ["40203", "40212"]


def _assert_is_census(frame, areas=AREAS) -> None:
    history = census_history(areas)
    for year in (2010, 2015):
        population = frame_to_population(frame, year, "total")
        assert population.regions == tuple(areas)
        np.testing.assert_allclose(population.values, history.at(year).values, atol=1e-6)


@pytest.mark.parametrize("style, encoding", [("api", "utf-8-sig"), ("db", "cp932")])
def test_an_estat_download_gives_the_census_with_age_unknown_allocated(
        tmp_path: Path, style: str, encoding: str) -> None:
    frame = read_population(write_estat(tmp_path / "estat.csv", style, encoding))
    _assert_is_census(frame)
    # 年齢不詳 is spread, not dropped: the sexes add up to the table's 総数 (久留米市 2015).
    kurume = frame[(frame["area_code"] == "40203") & (frame["year"] == 2015)]
    assert kurume.groupby("sex")["value"].sum().to_dict() == pytest.approx(
        {"M": 144971, "F": 159581})
    assert set(frame["nationality"]) == {"total"}


def test_the_users_area_is_cut_from_a_table_of_several(tmp_path: Path) -> None:
    frame = read_population(write_estat(tmp_path / "estat.csv"), area_code="402036")
    assert frame["area_code"].unique().tolist() == ["40203"]
    _assert_is_census(frame, ["40203"])


def test_the_ecitizen_table_reads_the_same(tmp_path: Path) -> None:
    _assert_is_census(read_population(SOURCE))


def _single_age_table(tmp_path: Path) -> Path:
    """Hand-checked: 男 10 persons at every age 0-99, 100歳以上 '-', 年齢不詳 100; 女 20 at
    every age, no 年齢不詳; 0～4歳 subtotals between the single ages, as e-Stat's 各歳 table."""
    header = ["cat01_code", "男女", "cat02_code", "年齢", "area_code", "地域", "time_code",
              "時間軸(年次)", "unit", "value"]
    rows = [["国勢調査 令和2年 男女，年齢（各歳）別人口"], header]
    for sex, each, unknown in (("男", 10, 100), ("女", 20, 0)):
        cells = [("総数", 100 * each + unknown)]
        for start in range(0, 100, 5):
            cells.append((f"{start}～{start + 4}歳", 5 * each))
            cells += [(f"{age}歳", each) for age in range(start, start + 5)]
        cells += [("100歳以上", "-"), ("（再掲）15歳未満", 15 * each), ("65歳以上", 35 * each)]
        if unknown:
            cells.append(("年齢不詳", unknown))
        rows += [["1", sex, str(i), label, "40203", "久留米市", "2020000000", "2020年", "人",
                  str(value)] for i, (label, value) in enumerate(cells)]
    path = tmp_path / "kakusai.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_single_ages_with_subtotals_and_100_plus(tmp_path: Path) -> None:
    frame = read_population(_single_age_table(tmp_path))
    men = frame[frame["sex"] == "M"].set_index("age_start")["value"]
    assert len(men) == 101 and men[0] == pytest.approx(11)  # 10 + 100 x 10/1000
    assert men[100] == 0 and men.sum() == pytest.approx(1100)
    population = frame_to_population(frame, 2020, "total")
    assert population.values[0, 0, 0] == pytest.approx(55)  # 男 0～4歳
    assert population.values[0, 0, -1] == pytest.approx(110)  # 男 90歳以上
    assert population.values[0, 1, -1] == pytest.approx(200)  # 女 90歳以上


def _row_of(rows: list[list[str]], area: str, year: int, sex: str, age: str) -> int:
    return next(i for i, r in enumerate(rows)
                if r[6] == area and r[8] == f"{year}000000" and r[3] == sex and r[5] == age)


@pytest.mark.parametrize("column, value, message", [
    (11, "abc", "'abc' が数値ではありません"),
    (11, "X", "注記の記号"),
    (5, "二十歳", "年齢 '二十歳' を読めません"),
    (6, "99999", "地域コード 99999"),
    (8, "昨年", "時間軸"),
])
def test_a_bad_cell_is_named_by_row_and_column(tmp_path: Path, column: int, value: str,
                                               message: str) -> None:
    rows = estat_rows()
    index = _row_of(rows, "40212", 2015, "女", "20～24歳")
    rows[index][column] = value
    if column == 8:
        rows[index][9] = value
    path = write_estat(tmp_path / "bad.csv", rows=rows)
    with pytest.raises(InputError) as caught:
        read_population(path)
    error = caught.value
    assert message in error.message
    assert error.file == "bad.csv" and error.row == header_line() + 1 + index
    names = ["tab_code", "表章項目", "cat01_code", "男女", "cat02_code", "年齢", "area_code",
             "地域", "time_code", "時間軸(年次)", "unit", "value"]
    expected = {8: "時間軸(年次)"}.get(column, names[column])
    assert error.column == expected


def test_a_total_that_does_not_add_up_is_refused(tmp_path: Path) -> None:
    rows = estat_rows()
    index = _row_of(rows, "40203", 2015, "男", "総数")
    rows[index][11] = "144972"  # one more than 男 by age plus 年齢不詳 (144,971)
    with pytest.raises(InputError) as caught:
        read_population(write_estat(tmp_path / "sum.csv", rows=rows))
    assert caught.value.row == header_line() + 1 + index and caught.value.column == "value"
    assert "144,972" in caught.value.message and "144,971" in caught.value.message


def test_a_cell_given_twice_is_refused(tmp_path: Path) -> None:
    rows = estat_rows()
    index = _row_of(rows, "40203", 2010, "女", "5～9歳")
    rows.insert(index + 1, list(rows[index]))
    with pytest.raises(InputError) as caught:
        read_population(write_estat(tmp_path / "twice.csv", rows=rows))
    assert caught.value.row == header_line() + 2 + index and "2度" in caught.value.message


def test_a_nationality_dimension_splits_japanese_and_foreign(tmp_path: Path) -> None:
    """Hand-checked: per 5-year group 日本人 男 100 / 女 120, 外国人 男 3 / 女 4, 総数 rows
    of nationality 103 / 124 (dropped once both nationalities are there)."""
    header = ["cat01_code", "国籍", "cat02_code", "男女", "cat03_code", "年齢", "area_code",
              "地域", "time_code", "時間軸(年次)", "value"]
    labels_ = [f"{a}～{a + 4}歳" for a in range(0, 90, 5)] + ["90歳以上"]
    rows = [["表題：", "国籍，男女，年齢（5歳階級）別人口"], [], header]
    for nationality, counts in (("総数", (103, 124)), ("日本人", (100, 120)),
                                ("外国人", (3, 4))):
        for sex, count in zip(("男", "女"), counts, strict=True):
            rows += [["0", nationality, "1", sex, str(i), label, "40203", "久留米市",
                      "2020000000", "2020年", f"{count:,}"] for i, label in enumerate(labels_)]
    path = tmp_path / "kokuseki.csv"
    with path.open("w", encoding="cp932", newline="") as handle:
        csv.writer(handle).writerows(rows)
    frame = read_population(path)
    sums = frame.groupby(["nationality", "sex"])["value"].sum().to_dict()
    assert sums == {("foreign", "F"): 76, ("foreign", "M"): 57,
                    ("japanese", "F"): 2280, ("japanese", "M"): 1900}


def test_an_xlsx_download_reads_like_the_csv(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from tests.io.population.estat_fixture import API_HEADER, API_META

    book = Workbook()
    sheet = book.active
    for row in [*API_META, API_HEADER, *estat_rows()]:
        sheet.append([int(c) if c.isdigit() and len(c) < 6 else c for c in row])
    book.save(tmp_path / "estat.xlsx")
    frame = read_population(tmp_path / "estat.xlsx")
    _assert_is_census(frame)
