"""IPSS 2023 (令和5年推計) totals and 3 age groups: the shipped table and bad copies of it."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sousei.io.errors import InputError
from sousei.io.reference import shipped
from sousei.io.reference.ipss import read_ipss2023

HEADER = "code,kind,prefecture,municipality,year,total,age0_14,age15_64,age65_plus\n"


def test_shipped_table_has_every_area_and_year() -> None:
    table = shipped.ipss2023()
    assert list(table.columns) == ["area_code", "year", "total", "child", "working", "elderly"]
    assert len(table) == 11_706
    assert table["area_code"].nunique() == 1_951
    assert sorted(table["year"].unique()) == [2025, 2030, 2035, 2040, 2045, 2050]


def test_published_figures_of_kurume_and_kama() -> None:
    table = shipped.ipss2023().set_index(["area_code", "year"])
    assert table.loc[("40203", 2025), "total"] == 299_292
    assert table.loc[("40203", 2050), "total"] == 260_912
    assert tuple(table.loc[("40203", 2025), ["child", "working", "elderly"]]) == (
        37_432, 173_304, 88_556)
    assert table.loc[("40227", 2025), "total"] == 32_024
    assert table.loc[("40227", 2050), "total"] == 18_118
    assert table.loc[("40231", 2025), "total"] == 49_180  # 那珂川市 under its 2018 code


def test_municipalities_sum_to_their_prefecture() -> None:
    kinds = pd.read_csv(shipped.open_shipped(shipped.IPSS2023), dtype=str)[["code", "kind"]]
    table = shipped.ipss2023().assign(kind=kinds["kind"].to_numpy())
    tokyo_ward = (table["kind"] == "0") & table["area_code"].str.startswith("131")
    members = table[table["kind"].isin(["1", "2", "3", "9"]) | tokyo_ward]
    groups = ["total", "child", "working", "elderly"]
    sums = members.groupby([members["area_code"].str[:2] + "000", "year"])[groups].sum()
    prefectures = table[table["kind"] == "a"].set_index(["area_code", "year"])[groups]
    assert len(prefectures) == 47 * 6
    assert (sums.loc[prefectures.index] == prefectures).all().all()


def test_tokyo_wards_are_municipalities() -> None:
    table = shipped.ipss2023().set_index(["area_code", "year"])
    assert table.loc[("13104", 2025), "total"] > 300_000  # 新宿区


def _csv(rows: list[str]) -> io.BytesIO:
    return io.BytesIO((HEADER + "".join(rows)).encode())


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=5), st.integers(min_value=1, max_value=999))
def test_groups_not_adding_up_are_refused_naming_the_row(bad_row: int, error: int) -> None:
    rows = [f"40203,2,福岡県,久留米市,{2025 + 5 * i},100,10,60,30\n" for i in range(6)]
    rows[bad_row] = rows[bad_row].replace(",30\n", f",{30 + error}\n")
    with pytest.raises(InputError) as raised:
        read_ipss2023(_csv(rows), name="copy.csv")
    assert raised.value.row == bad_row + 2
    assert raised.value.file == "copy.csv"


def test_other_header_is_refused() -> None:
    with pytest.raises(InputError, match="IPSS 2023"):
        read_ipss2023(io.BytesIO(b"code,year,total\n40203,2025,1\n"), name="x.csv")


def test_thousands_separators_are_read() -> None:
    row = '40203,2,福岡県,久留米市,2025,"299,292","37,432","173,304","88,556"\n'
    assert read_ipss2023(_csv([row]))["total"].tolist() == [299_292]


def test_ipss2018_groups_equal_the_long_layout() -> None:
    """The 総数 block read straight from the raw table equals the sum of the sex blocks."""
    groups = shipped.ipss2018_groups().set_index(["area_code", "year"])
    long = shipped.ipss2018()
    total = long.groupby(["area_code", "year"])["value"].sum()
    assert (groups["total"] == total.loc[groups.index]).all()
    elderly = long[long["age_start"] >= 65].groupby(["area_code", "year"])["value"].sum()
    assert (groups["elderly"] == elderly.loc[groups.index]).all()
    assert groups.loc[("40203", 2015), "total"] == 304_552
    assert (groups["child"] + groups["working"] + groups["elderly"] == groups["total"]).all()
