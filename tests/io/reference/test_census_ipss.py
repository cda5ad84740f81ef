"""Census and IPSS 2018 readers on the published rows (figures checked against the CSVs)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from sousei.io.population.census import read_census
from sousei.io.population.layout import COLUMNS
from sousei.io.reference import shipped
from sousei.io.reference.ipss import read_ipss2018, read_ipss2018_areas

DATA = Path(__file__).resolve().parents[2] / "data"


def _cell(frame: pd.DataFrame, code: str, year: int, sex: str, age: int) -> float:
    row = frame[
        (frame.area_code == code)
        & (frame.year == year)
        & (frame.sex == sex)
        & (frame.age_start == age)
    ]
    assert len(row) == 1
    return float(row.value.iloc[0])


def test_census_extract_kurume_2015() -> None:
    tables = read_census(DATA / "census_kurume_nakagawa.csv")
    pop, unknown = tables
    assert tuple(pop.columns) == COLUMNS
    kurume = pop[(pop.area_code == "40203") & (pop.year == 2015)]
    missing_age = unknown[(unknown.area_code == "40203") & (unknown.year == 2015)]
    # 304,552 persons in the 2015 census, of whom 7,765 are 年齢不詳 (ecitizen README).
    assert kurume.value.sum() + missing_age.value.sum() == 304_552
    assert missing_age.value.sum() == 7_765
    assert _cell(pop, "40203", 2015, "M", 0) == 7_106
    assert len(kurume) == 2 * 19
    assert kurume.age_span.isna().sum() == 2  # 90+ for each sex
    assert set(pop.year) == set(range(1980, 2016, 5))


def test_census_age_groups_sum_to_source_total() -> None:
    with open(DATA / "census_kurume_nakagawa.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    total = {(r["code"], r["sex"]): int(r["y1990"]) for r in rows if r["age_group"] == "total"}
    pop, unknown = read_census(DATA / "census_kurume_nakagawa.csv")
    for (code, sex), expected in total.items():
        if sex == "T":
            continue
        grouped = pop[(pop.area_code == code) & (pop.year == 1990) & (pop.sex == sex)]
        lost = unknown[(unknown.area_code == code) & (unknown.year == 1990) & (unknown.sex == sex)]
        assert grouped.value.sum() + lost.value.sum() == expected


def test_shipped_census_is_complete() -> None:
    pop, unknown = shipped.census_municipal()
    assert pop.area_code.nunique() == 1_741
    assert len(pop) == 1_741 * 8 * 2 * 19
    assert len(unknown) == 1_741 * 8 * 2
    pref, _ = shipped.census_prefecture()
    assert sorted(pref.area_code.unique())[:2] == ["01000", "02000"]
    assert pref.area_code.nunique() == 47


def test_ipss_extract_kurume_2020() -> None:
    frame = read_ipss2018(DATA / "ipss2018_kurume_hokkaido.csv")
    assert tuple(frame.columns) == COLUMNS
    assert set(frame.area_code) == {"01000", "40203"}
    # 久留米市 2020 row of the published CSV: 男 0～4歳 6,846, 女 90歳以上 4,040, 総数 304,715.
    assert _cell(frame, "40203", 2020, "M", 0) == 6_846
    assert _cell(frame, "40203", 2020, "F", 90) == 4_040
    kurume = frame[(frame.area_code == "40203") & (frame.year == 2020)]
    assert kurume.value.sum() == 304_715
    women = kurume[(kurume.sex == "F") & kurume.age_start.between(15, 45)].value.sum()
    children = kurume[kurume.age_start == 0].value.sum()
    assert children / women == pytest.approx(0.2223, abs=5e-5)  # CWR in the IPSS README
    assert sorted(frame.year.unique()) == list(range(2015, 2046, 5))


def test_ipss_sexes_sum_to_published_totals() -> None:
    """The 総数 block we drop equals M + F for every age group and area-year."""
    with open(DATA / "ipss2018_kurume_hokkaido.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))[2:]
    frame = read_ipss2018(DATA / "ipss2018_kurume_hokkaido.csv")
    sums = frame.groupby(["area_code", "year", "age_start"]).value.sum()
    for row in rows:
        code, year = row[0].zfill(5), int(row[4].rstrip("年"))
        for offset, age in enumerate(range(0, 91, 5)):
            assert sums[(code, year, age)] == int(row[6 + offset])


def test_ipss_areas() -> None:
    areas = read_ipss2018_areas(DATA / "ipss2018_kurume_hokkaido.csv")
    assert areas.set_index("area_code").loc["40203", "name"] == "久留米市"
    assert areas.set_index("area_code").loc["01000", "kind"] == "prefecture"
    every = shipped.ipss2018_areas()
    assert len(every) == 1_857
    assert every.kind.value_counts()["town_village"] == 881


@pytest.mark.slow
def test_census_2015_equals_ipss_base_totals() -> None:
    """The shared README's claim: 2015 census totals = IPSS 2018 2015 totals, 1,681 areas."""
    pop, unknown = shipped.census_municipal()
    census = (
        pop[pop.year == 2015].groupby("area_code").value.sum()
        + unknown[unknown.year == 2015].groupby("area_code").value.sum()
    )
    ipss = shipped.ipss2018()
    base = ipss[ipss.year == 2015].groupby("area_code").value.sum()
    common = census.index.intersection(base.index)
    assert len(common) == 1_681
    pd.testing.assert_series_equal(census[common], base[common], check_names=False)
    fukushima = [c for c in census.index if c.startswith("07")]
    assert len(fukushima) == 59 and not set(fukushima) & set(base.index)


def test_wrong_tables_are_refused_by_name(tmp_path: Path) -> None:
    from sousei.io.errors import InputError

    with pytest.raises(InputError, match="IPSS 2018") as caught:
        read_ipss2018(DATA / "census_kurume_nakagawa.csv")
    assert caught.value.file.endswith("census_kurume_nakagawa.csv") and caught.value.row == 1
    broken = tmp_path / "census.csv"
    broken.write_text("code,sex,y2015\n40203,M,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="age_group"):
        read_census(broken)
