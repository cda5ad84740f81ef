"""The 総務省 住基 age tables read as published (shipped copies of the e-Stat downloads).

Figures asserted are those printed in the files (national and municipal rows), read by eye
from the spreadsheets; see src/sousei/data/README.md for their source.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import numpy as np
import pytest

from sousei.io.population.juki_soumu import JukiAgeTable, municipal_codes, read_juki_ages
from sousei.io.population.read import read_population
from sousei.io.reference.shipped import juki_file


@cache
def table(name: str) -> JukiAgeTable:
    path = juki_file(name)
    assert path is not None, name
    return read_juki_ages(path)


def persons(t: JukiAgeTable, code: str, sex: str | None = None, age: int | None = None) -> float:
    f = t.frame[t.frame["area_code"] == code]
    if sex is not None:
        f = f[f["sex"] == sex]
    if age is not None:
        f = f[f["age_start"] == age]
    return float(f["value"].sum())


def test_2017_japanese_xls_national_and_sapporo_figures():
    t = table("1708nsnen.xls")
    assert t.reference_date == date(2017, 1, 1)
    assert t.nationality == "japanese"
    assert persons(t, "00000") == pytest.approx(125_583_658)
    assert persons(t, "00000", "M") == pytest.approx(61_290_165)
    assert persons(t, "01100", "M", 0) == 36_731  # 札幌市 男 0～4歳
    assert persons(t, "01100", "F", 100) == 732  # 札幌市 女 100歳以上
    assert set(t.frame["year"]) == {2017}


def test_2021_xlsx_header_drift_and_units_row():
    t = table("2108nsnen.xlsx")
    assert t.reference_date == date(2021, 1, 1)
    assert persons(t, "00000") == pytest.approx(123_842_701)
    # 「0歳～4歳」 under a units row 「人」; the national row gets 2 persons of unknown age spread
    assert persons(t, "00000", "M", 0) == pytest.approx(2_322_174, abs=1)
    assert persons(t, "47382", "F", 100) == 2  # 与那国町 女 100歳以上
    opened = t.frame[t.frame["age_span"].isna()]
    assert set(opened["age_start"]) == {100}


def test_2013_reference_date_31_march_and_open_group_80():
    t = table("1304ssnen.xls")
    assert t.reference_date == date(2013, 3, 31)
    assert t.nationality == "total"  # the title's （総計） comes before a ※ note
    # 80歳以上 as printed, plus its share of the foreigners whose ages are not published
    assert persons(t, "00000", None, 80) == pytest.approx(8_992_178, rel=1e-3)
    assert sorted(t.frame["age_start"].unique())[-1] == 80
    assert t.frame.loc[t.frame["age_start"] == 80, "age_span"].isna().all()


def test_suppressed_foreign_detail_is_allocated_and_reported():
    t = table("1712gsnen.xls")
    # 与那国町*: 総数 男 3, 女 4, every age cell blank
    assert persons(t, "47382", "M") == pytest.approx(3)
    assert persons(t, "47382", "F") == pytest.approx(4)
    rows = t.allocations[t.allocations["area_code"] == "47382"]
    assert set(rows["method"]) == {"suppressed"}
    assert rows["row"].tolist() == [6838, 6839]
    assert t.areas.set_index("area_code").at["47382", "detail_unpublished"]
    assert any("非公表" in note for note in t.notes)
    # every area's ages now add up to its own printed 総数
    printed = t.published_totals.query("sex != 'T'").set_index(["area_code", "sex"])["value"]
    summed = t.frame.groupby(["area_code", "sex"])["value"].sum()
    np.testing.assert_allclose(summed, printed.loc[summed.index], atol=1e-6)


def test_kinds_wards_counties_and_no_double_count():
    t = table("2108nsnen.xlsx")
    kinds = t.areas.set_index("area_code")["kind"]
    assert kinds["01100"] == "designated_city"
    assert kinds["01101"] == "ward"
    assert kinds["13101"] == "municipality"  # 千代田区: a special ward is a municipality
    assert kinds["47380"] == "county"  # 八重山郡: a total of its towns
    assert "47380" not in set(t.frame["area_code"])
    whole = municipal_codes(t.areas)
    by_ward = municipal_codes(t.areas, wards=True)
    assert "01100" in whole and "01101" not in whole
    assert "01101" in by_ward and "01100" not in by_ward
    total = t.frame[t.frame["area_code"].isin(whole)]["value"].sum()
    assert total == pytest.approx(123_842_701)
    assert t.frame[t.frame["area_code"].isin(by_ward)]["value"].sum() == pytest.approx(total)


def test_read_population_takes_xls_gz_and_one_area():
    frame = read_population(juki_file("1708nsnen.xls"), area_code="402036")  # 久留米市
    assert set(frame["area_code"]) == {"40203"}
    assert frame.attrs["reference_date"] == "2017-01-01"
    assert frame["value"].sum() == pytest.approx(persons(table("1708nsnen.xls"), "40203"))
