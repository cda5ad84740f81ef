"""The wide 年齢別人口表 (住民基本台帳 exports) read into the long layout.

The tables are written here in the shapes municipalities publish (a title with the reference
date, a nationality header over the sexes, 0～4歳 subtotals between single ages, a 総数 row),
with figures from the shipped census of 久留米市 (40203) so the expected values are real counts.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook

from sousei.demography.ages import AGE_STARTS
from sousei.io.errors import InputError
from sousei.io.population.age_table import parse_age, read_age_table
from sousei.io.population.long_format import write_long_csv
from sousei.io.population.read import read_population
from sousei.vision.inputs import census_history
from sousei.vision.run import ProjectionRequest
from sousei.vision.user_data import run_user_projection

KURUME = "40203"


def _census() -> np.ndarray:
    """久留米市 2015 by (sex, age group), whole persons (年齢不詳 allocated, then rounded)."""
    return np.round(census_history([KURUME]).at(2015).values[0])


def _label(start: int) -> str:
    return "90歳以上" if start == 90 else f"{start}～{start + 4}歳"


def _write_csv(path: Path, rows: list[list[str]], encoding: str = "cp932") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _five_year_rows(pop: np.ndarray) -> list[list[str]]:
    rows = [["令和2年1月1日現在 年齢別人口(住民基本台帳)"], [], ["年齢", "男", "女", "計"]]
    for i, start in enumerate(AGE_STARTS):
        rows.append([_label(start), f"{pop[0, i]:,.0f}", f"{pop[1, i]:,.0f}",
                     f"{pop[:, i].sum():,.0f}"])
    rows.append(["総数", f"{pop[0].sum():,.0f}", f"{pop[1].sum():,.0f}", f"{pop.sum():,.0f}"])
    return rows


@pytest.mark.parametrize("label, expected", [
    ("0歳", (0, 1)), ("１０歳", (10, 1)), ("100歳以上", (100, None)), ("0～4歳", (0, 5)),
    ("85-89", (85, 5)), ("90+", (90, None)), ("総数", None), ("", None), ("※注", None),
])
def test_age_labels(label: str, expected) -> None:
    assert parse_age(label) == expected


def test_five_year_table_in_cp932_reads_as_the_census(tmp_path) -> None:
    pop = _census()
    path = _write_csv(tmp_path / "juki.csv", _five_year_rows(pop))
    frame = read_population(path, area_code=KURUME)
    assert set(frame["year"]) == {2020}  # 令和2年 from the title
    assert set(frame["nationality"]) == {"total"}
    male = frame[frame["sex"] == "M"].sort_values("age_start")["value"].to_numpy()
    assert np.array_equal(male, pop[0])
    assert frame["value"].sum() == pop.sum()


def test_single_ages_with_subtotals_and_nationality_header_in_xlsx(tmp_path) -> None:
    """Single ages 0-99 and 100歳以上, a 0～4歳 subtotal after every five ages, 日本人 and
    外国人 merged over their 男 女 計 columns: subtotals must not count twice."""
    book = Workbook()
    sheet = book.active
    sheet.title = "年齢別"
    sheet.append(["住民基本台帳 年齢別人口 令和6年1月1日現在"])
    sheet.append(["年齢", "日本人", None, None, "外国人", None, None])
    sheet.append([None, "男", "女", "計", "男", "女", "計"])
    sheet.merge_cells("B2:D2")
    sheet.merge_cells("E2:G2")
    japanese, foreign = np.zeros(2), np.zeros(2)
    for age in range(101):
        m, f = 1000 + age, 900 + 2 * age
        fm, ff = age % 3, age % 5
        japanese += (m, f)
        foreign += (fm, ff)
        label = "100歳以上" if age == 100 else f"{age}歳"
        sheet.append([label, m, f, m + f, fm, ff, fm + ff])
        if age % 5 == 4 and age < 100:
            sheet.append([f"{age - 4}～{age}歳", 1, 1, 2, 1, 1, 2])  # subtotals: ignored
    sheet.append(["総数", *japanese, japanese.sum(), *foreign, foreign.sum()])
    path = tmp_path / "juki.xlsx"
    book.save(path)
    frame = read_population(path, area_code=KURUME)
    assert set(frame["year"]) == {2024}
    sums = frame.groupby(["nationality", "sex"])["value"].sum()
    # 男 1000..1100 over 101 ages: 101,000 + 5,050; 女 900*101 + 2*5,050.
    assert sums[("japanese", "M")] == 106_050 and sums[("japanese", "F")] == 101_000
    assert sums[("foreign", "M")] == sum(a % 3 for a in range(101))
    assert frame["age_span"].isna().sum() == 4  # 100歳以上 per nationality and sex
    # Single ages are summed onto the engine's 5-year grid (the foreign split needs a second
    # year for its change ratios, so the one-date table is projected as a whole here).
    keys = ["area_code", "sex", "age_start", "age_span", "year"]
    total = frame.groupby(keys, dropna=False, as_index=False)["value"].sum()
    _, run = run_user_projection(total.assign(nationality="total"), ProjectionRequest((), 2024, 2049))
    assert float(run.total.population[0, 0].sum()) == pytest.approx(207_350)


def test_long_layout_passes_through(tmp_path) -> None:
    from sousei.io.population.convert import population_to_frame

    path = tmp_path / "long.csv"
    write_long_csv(population_to_frame(census_history([KURUME]).at(2015)), path)
    assert read_population(path)["area_code"].unique().tolist() == [KURUME]


def test_year_given_when_the_title_has_none(tmp_path) -> None:
    rows = _five_year_rows(_census())
    rows[0] = ["年齢別人口"]
    path = _write_csv(tmp_path / "nodate.csv", rows)
    with pytest.raises(InputError, match="基準年がわかりません"):
        read_age_table(path, KURUME)
    assert set(read_age_table(path, KURUME, year=2023)["year"]) == {2023}


@pytest.mark.parametrize("row, column, text, message", [
    (6, 1, "abc", "ファイル bad.csv、6行目、列 B列: 人口 'abc' が数値ではありません"),
    (7, 2, "-5", "ファイル bad.csv、7行目、列 C列: 人口 '-5' は 0 以上の整数にしてください"),
    (23, 1, "1", "ファイル bad.csv、23行目、列 B列: 総数 1 と年齢別の合計"),
])
def test_bad_cells_are_named(tmp_path, row: int, column: int, text: str, message: str) -> None:
    rows = _five_year_rows(_census())
    rows[row - 1][column] = text
    path = _write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(InputError) as error:
        read_population(path, area_code=KURUME)
    assert str(error.value).startswith(message)


def test_unreadable_age_and_missing_code_are_refused(tmp_path) -> None:
    rows = _five_year_rows(_census())
    rows[8][0] = "二十歳"
    path = _write_csv(tmp_path / "age.csv", rows)
    with pytest.raises(InputError, match="9行目、列 A列: 年齢 '二十歳' を読めません"):
        read_population(path, area_code=KURUME)
    with pytest.raises(InputError, match="地域コードの指定が必要です"):
        read_population(_write_csv(tmp_path / "ok.csv", _five_year_rows(_census())))
