"""National, HMD/HFD and TFR readers on the shipped files (figures from the source READMEs)."""

from __future__ import annotations

import pytest

from sousei.io.population.layout import COLUMNS, NATIONAL_CODE
from sousei.io.reference import shipped


def test_national_census_2020_sum_excludes_age_unknown() -> None:
    frame = shipped.census_national()
    assert tuple(frame.columns) == COLUMNS
    assert set(frame.area_code) == {NATIONAL_CODE}
    assert frame[frame.year == 2020].value.sum() == 123_214_261
    first = frame[(frame.year == 1920) & (frame.sex == "M") & (frame.age_start == 0)]
    assert first.value.iloc[0] == 3_752_627
    top = frame[frame.age_start == 100]
    assert top.age_span.isna().all() and (frame.age_span.dropna() == 5).all()


def test_ipss2017_national_projection() -> None:
    frame = shipped.ipss2017_national()
    assert sorted(frame.year.unique()) == list(range(2015, 2066, 5))
    male_0_4 = frame[(frame.year == 2015) & (frame.sex == "M") & (frame.age_start == 0)]
    assert male_0_4.value.iloc[0] == 2_560_742


def test_hmd_mx_first_and_last_rows() -> None:
    mx = shipped.hmd_mx()
    assert list(mx.columns) == ["year", "age", "open_age", "sex", "mx"]
    row = mx[(mx.year == 1947) & (mx.age == 0)].set_index("sex").mx
    assert row["F"] == 0.083595 and row["M"] == 0.095448
    assert mx.year.max() == 2016 and mx.age.max() == 110
    assert mx[mx.age == 110].open_age.all() and not mx[mx.age < 110].open_age.any()


def test_female_lifetable_life_expectancy() -> None:
    table = shipped.hmd_female_lifetable()
    e0 = table[table.age == 0].set_index("year").ex
    assert e0[2015] == 86.97 and e0[2020] == 87.74
    assert (table[table.age == 0].lx == 100_000).all()


def test_hfd_asfr_sums_to_tfr() -> None:
    asfr = shipped.hfd_asfr()
    tfr = asfr.groupby("year").asfr.sum()
    assert tfr[2015] == pytest.approx(1.441, abs=5e-4)
    assert tfr[2020] == pytest.approx(1.328, abs=5e-4)
    assert asfr.age.min() == 12 and asfr.age.max() == 55


def test_municipal_tfr() -> None:
    tfr = shipped.tfr_municipal().set_index("area_code").tfr
    assert tfr["40203"] == 1.56 and tfr["40227"] == 1.48  # 久留米市, 嘉麻市
    assert tfr.isna().any()  # the '-' cells


def test_prefecture_tfr() -> None:
    tfr = shipped.tfr_prefecture().set_index(["pref_code", "year"]).tfr
    assert tfr[("00", 2015)] == 1.45 and tfr[("00", 2020)] == 1.33
    assert tfr[("01", 1960)] == 2.17
    assert ("47", 1970) not in tfr.index and ("47", 1975) in tfr.index  # 沖縄 before 1975: NA


def test_national_tfr_assumption() -> None:
    tfr = shipped.ipss2017_national_tfr().set_index(["year", "variant"]).tfr
    assert tfr[(2015, "medium")] == tfr[(2015, "low")] == 1.4504
    assert tfr[(2065, "medium")] == 1.4433
    assert tfr[(2065, "high")] == 1.6452 and tfr[(2065, "low")] == 1.2510
    assert len(tfr) == 51 * 3
