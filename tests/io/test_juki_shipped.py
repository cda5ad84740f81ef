"""All 54 shipped 総務省 住基 files, each checked against its own published total rows.

Every check compares rows the Ministry printed separately: the prefecture row against its
municipalities, the national row against the prefectures, a designated city against its
wards, 計 against 男 + 女, the 総計 table against 日本人 + 外国人, and the 人口動態 table's
population against the age table of the same date. Nothing is compared with a sum sousei made
itself from the same cells.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
import pytest

from sousei.io.flows.juki_dynamics import JukiDynamics, read_juki_dynamics
from sousei.io.population.juki_soumu import JukiAgeTable, municipal_codes, read_juki_ages
from sousei.io.reference.shipped import juki_file, juki_names

pytestmark = pytest.mark.slow
AGE_FILES = [n for n in juki_names() if "nen" in n]
DYNAMICS_FILES = [n for n in juki_names() if "jin" in n]
FLOWS = ["population", "births", "deaths", "in_moves", "out_moves", "natural_change",
         "social_change"]


def test_54_files_are_shipped():
    assert len(AGE_FILES) == 27 and len(DYNAMICS_FILES) == 27
    assert {n[:2] for n in juki_names()} == {f"{y:02d}" for y in range(13, 22)}


@cache
def ages(name: str) -> JukiAgeTable:
    return read_juki_ages(juki_file(name))


@cache
def dynamics(name: str) -> JukiDynamics:
    return read_juki_dynamics(juki_file(name))


def _wards(areas: pd.DataFrame, city: int) -> list[int]:
    name = areas["name"].iat[city]
    return [i for i in range(city + 1, len(areas))
            if areas["kind"].iat[i] == "ward" and areas["name"].iat[i].startswith(name)]


@pytest.mark.parametrize("name", AGE_FILES)
def test_age_table_against_its_total_rows(name: str):
    t = ages(name)
    areas = t.areas
    index = {code: i for i, code in enumerate(areas["area_code"])}
    totals = t.published_totals["value"].to_numpy().reshape(len(areas), 3)
    printed = np.nan_to_num(t.published_ages)
    prefectures = list(areas.loc[areas["kind"] == "prefecture", "area_code"])
    assert len(prefectures) == 47
    for prefecture in prefectures:
        members = [index[c] for c in municipal_codes(areas, prefecture=prefecture)]
        np.testing.assert_allclose(totals[members].sum(0), totals[index[prefecture]])
        np.testing.assert_allclose(printed[members].sum(0), printed[index[prefecture]])
        by_ward = [index[c] for c in municipal_codes(areas, True, prefecture)]
        np.testing.assert_allclose(totals[by_ward].sum(0), totals[index[prefecture]])
    pref_rows = [index[p] for p in prefectures]
    np.testing.assert_allclose(totals[pref_rows].sum(0), totals[index["00000"]])
    if t.nationality == "japanese":
        np.testing.assert_allclose(printed[pref_rows].sum(0), printed[index["00000"]])
    else:  # the national row's ages include the foreigners the prefecture rows withhold
        assert (printed[pref_rows].sum(0) <= printed[index["00000"]]).all()
    for city in np.flatnonzero(areas["kind"] == "designated_city"):
        np.testing.assert_allclose(totals[_wards(areas, city)].sum(0), totals[city])
    np.testing.assert_allclose(totals[:, 0], totals[:, 1] + totals[:, 2])
    # after allocation every area's ages add up to its own printed 総数 (男, 女)
    summed = t.frame.groupby(["area_code", "sex"])["value"].sum()
    wanted = t.published_totals.set_index(["area_code", "sex"])["value"]
    np.testing.assert_allclose(summed, wanted.loc[summed.index], atol=1e-6)


@pytest.mark.parametrize("year", range(13, 22))
def test_total_table_is_japanese_plus_foreign(year: int):
    by = {}
    for n in AGE_FILES:
        if n.startswith(f"{year}"):
            t = ages(n)
            by[t.nationality] = t.published_totals.set_index(["area_code", "sex"])["value"]
    both = by["japanese"].add(by["foreign"], fill_value=0)
    np.testing.assert_allclose(by["total"].sort_index(), both.loc[by["total"].sort_index().index])


@pytest.mark.parametrize("name", DYNAMICS_FILES)
def test_dynamics_against_its_total_rows_and_the_age_table(name: str):
    d = dynamics(name)
    f = d.frame.set_index("area_code")
    np.testing.assert_allclose(f["population"], f["population_male"] + f["population_female"])
    codes = f.index.to_series()
    kinds = f["kind"]
    municipal = f[kinds.isin(["municipality", "designated_city"])]
    prefectures = f[kinds == "prefecture"]
    by_prefecture = municipal.groupby(codes[municipal.index].str[:2])[FLOWS].sum()
    np.testing.assert_allclose(by_prefecture.to_numpy(),
                               prefectures.set_index(prefectures.index.str[:2])
                               .loc[by_prefecture.index, FLOWS].to_numpy())
    np.testing.assert_allclose(prefectures[FLOWS].sum().to_numpy(),
                               f.loc["00000", FLOWS].to_numpy(dtype=float))
    kind = {"ss": "ssnen", "ns": "nsnen", "gs": "gsnen"}[name[4:6]]
    age_name = next(n for n in AGE_FILES if n.startswith(name[:2]) and kind in n)
    t = ages(age_name)
    assert t.reference_date == d.reference_date and t.nationality == d.nationality
    printed = t.published_totals.query("sex == 'T'").set_index("area_code")["value"]
    shared = f.index.intersection(printed.index)
    assert len(shared) > 1_900
    np.testing.assert_allclose(f.loc[shared, "population"], printed.loc[shared])
