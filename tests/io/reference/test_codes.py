"""Municipality codes: check digits on the whole master, names, prefectures, mergers."""

from __future__ import annotations

import csv
import gzip
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sousei.io.reference import shipped
from sousei.io.reference.codes import (
    AreaCodeError,
    area_name,
    check_digit,
    municipalities_of,
    normalize_code,
    prefecture_code,
    resolve_area,
    with_check_digit,
)
from sousei.io.reference.mergers import changes_of, code_mapping, current_code


def _lgcodes() -> list[tuple[str, str]]:
    raw = resources.files("sousei").joinpath("data", "localgovjp.csv.gz").read_bytes()
    rows = csv.DictReader(gzip.decompress(raw).decode("utf-8-sig").splitlines())
    return [(r["cid"].zfill(5), r["lgcode"]) for r in rows]


def test_check_digit_matches_every_lgcode_in_the_master() -> None:
    rows = _lgcodes()
    assert len(rows) == 1_916
    assert all(with_check_digit(code) == lgcode for code, lgcode in rows)
    prefectures = shipped.prefecture_master()
    for pid, lgcode in zip(prefectures.pid, prefectures.lgcode, strict=True):
        assert with_check_digit(f"{int(pid):02d}000") == lgcode


def test_known_check_digits() -> None:
    assert with_check_digit("40203") == "402036"  # 久留米市
    assert with_check_digit("40227") == "402273"  # 嘉麻市
    assert with_check_digit("40231") == "402311"  # 那珂川市


@given(st.from_regex(r"\A[0-9]{5}\Z"), st.integers(1, 9))
def test_any_wrong_check_digit_is_refused(code5: str, shift: int) -> None:
    good = check_digit(code5)
    assert normalize_code(f"{code5}{good}") == code5
    with pytest.raises(AreaCodeError, match="検査数字"):
        normalize_code(f"{code5}{(good + shift) % 10}")


def test_normalize_spellings() -> None:
    assert normalize_code(1100) == "01100"
    assert normalize_code("４０２０３") == "40203"
    assert normalize_code(" 402036 ") == "40203"
    with pytest.raises(AreaCodeError, match="402036"):
        normalize_code("402037")
    for bad in ("4020", "1234567", "40a03"):
        if bad == "4020":
            assert normalize_code(bad) == "04020"
            continue
        with pytest.raises(AreaCodeError):
            normalize_code(bad)


def test_resolve_names() -> None:
    assert resolve_area("久留米市") == "40203"
    assert resolve_area("広島県府中市") == "34208"
    assert resolve_area("東京都府中市") == "13206"
    assert resolve_area("札幌市中央区") == "01101"
    assert resolve_area("福岡県") == "40000"
    assert resolve_area("402036") == "40203"
    with pytest.raises(AreaCodeError, match=r"東京都府中市 \(13206\)、広島県府中市 \(34208\)"):
        resolve_area("府中市")
    with pytest.raises(AreaCodeError, match="見つかりません"):
        resolve_area("存在しない市")
    with pytest.raises(AreaCodeError, match="コード表にありません"):
        resolve_area("99999")


def test_municipalities_of_fukuoka() -> None:
    codes = municipalities_of(40)
    assert len(codes) == 60  # localgovjp README: 74 rows = 60 municipalities + 14 wards
    assert len(municipalities_of("福岡県", wards=True)) == 74
    assert "40203" in codes and "40130" in codes and "40133" not in codes
    assert municipalities_of("400009") == codes
    assert prefecture_code("福岡") == "40"
    with pytest.raises(AreaCodeError):
        prefecture_code(48)


def test_names_of_current_and_former_codes() -> None:
    assert area_name("40203") == "久留米市"
    assert area_name("40305") == "那珂川町"
    assert area_name("40231") == "那珂川市"
    assert area_name("00000") == "全国"


def test_merger_chains() -> None:
    assert current_code("40305") == "40231"
    assert current_code("04423") == "04216"
    assert current_code("40305", at="2018-09-30") == "40305"
    assert current_code("40305", at="2018-10-01") == "40231"
    # 1970 小櫃村 -> 君津町 (新設合併) -> 君津市 (1971 市制施行): two events followed.
    assert current_code("12484") == "12225"
    # same-day chain: 美和村 absorbed into 大宮町, which became 常陸大宮市 on 2004-10-16.
    assert current_code("08346") == "08225"
    assert [c.new_code for c in changes_of("40305")] == ["40231"]


def test_split_codes_are_refused() -> None:
    with pytest.raises(AreaCodeError, match=r"分割.*小倉北区 \(40106\)、小倉南区 \(40107\)"):
        current_code("40102")
    with pytest.raises(AreaCodeError, match=r"22138.*22139"):
        current_code("22135")  # 浜松市北区, split between 中央区 and 浜名区 in 2024


def test_every_census_and_ipss_code_maps_to_a_current_municipality() -> None:
    census, _ = shipped.census_municipal()
    mapping = code_mapping(sorted(census.area_code.unique()), since="2015-10-01")
    moved = {old: new for old, new in mapping.items() if old != new}
    assert moved == {"04423": "04216", "40305": "40231"}
    assert set(mapping.values()) == set(municipalities_of_all())


def municipalities_of_all() -> list[str]:
    return [code for pid in range(1, 48) for code in municipalities_of(pid)]
