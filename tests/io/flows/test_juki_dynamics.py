"""The 総務省 住基 人口・世帯数・人口動態 tables as published (shipped copies).

Figures are those printed in the files (national and 札幌市 rows).
"""

from __future__ import annotations

from datetime import date

import pytest

from sousei.io.errors import InputError
from sousei.io.flows.juki_dynamics import dynamics_series, read_juki_dynamics
from sousei.io.reference.shipped import juki_file


def row(name: str, code: str):
    table = read_juki_dynamics(juki_file(name))
    return table, table.frame.set_index("area_code").loc[code]


def test_2013_file_is_fiscal_2012_at_31_march():
    table, national = row("1303ssjin.xls", "00000")
    assert table.reference_date == date(2013, 3, 31)
    assert table.fiscal_year
    assert national["year"] == 2012
    assert national["period_start"] == date(2012, 4, 1)
    assert national["births"] == 1_039_574
    assert national["deaths"] == 1_260_777
    assert national["natural_change"] == -221_203
    assert national["social_change"] == 1_935_399  # incl. その他 記載/消除


def test_2017_japanese_sapporo_row():
    table, sapporo = row("1707nsjin.xls", "01100")
    assert table.nationality == "japanese"
    assert sapporo["kind"] == "designated_city"
    assert sapporo["year"] == 2016 and sapporo["period_end"] == date(2016, 12, 31)
    assert sapporo["population"] == 1_936_173
    assert sapporo["households"] == 1_031_023  # 計 of 日本人住民 and 複数国籍
    assert sapporo["births"] == 14_107
    assert sapporo["in_domestic"] == 118_104 and sapporo["in_abroad"] == 2_024
    assert sapporo["out_moves"] == 111_280
    assert not table.notes  # published 自然増減/社会増減 agree with their parts


def test_2021_xlsx_with_year_and_units_rows_and_footnote():
    table, national = row("2107nsjin.xlsx", "00000")
    assert national["births"] == 843_321
    assert national["deaths"] == 1_373_929
    assert national["social_change"] == 101_991
    assert any("皆増" in note for note in table.footnotes)
    counties = table.frame[table.frame["kind"] == "county"]
    assert "47380" in set(counties["area_code"])


def test_series_of_foreign_residents_by_year():
    names = ["1911gsjin.xls", "2011gsjin.xls", "2111gsjin.xlsx"]
    series = dynamics_series([juki_file(n) for n in names])
    national = series[series["area_code"] == "00000"].set_index("year")
    assert national["social_change"].to_dict() == {2018: 160_188, 2019: 188_963, 2020: -66_056}
    with pytest.raises(InputError, match="2020"):
        dynamics_series([juki_file("2111gsjin.xlsx"), juki_file("2111gsjin.xlsx")])
