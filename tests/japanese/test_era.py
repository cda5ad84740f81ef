from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sousei.japanese import (
    EraError,
    format_era_short,
    format_fiscal_year,
    format_year_prose,
    parse_fiscal_year,
    parse_year,
    to_era,
    to_western,
)


@pytest.mark.parametrize(
    ("era", "year", "west"),
    [
        ("平成", 1, 1989),
        ("平成", 31, 2019),
        ("令和", 1, 2019),
        ("R", 7, 2025),
        ("H", 30, 2018),
        ("昭和", 64, 1989),
        ("令和", 82, 2100),
    ],
)
def test_to_western_known_years(era: str, year: int, west: int) -> None:
    assert to_western(era, year) == west


def test_year_of_change_is_named_after_the_new_era() -> None:
    assert to_era(2019) == ("令和", 1)
    assert to_era(1989) == ("平成", 1)
    assert to_era(2018) == ("平成", 30)


def test_impossible_era_years_are_refused() -> None:
    with pytest.raises(EraError, match="平成32年は存在しません"):
        to_western("平成", 32)
    with pytest.raises(EraError):
        to_western("令和", 0)


def test_prose_and_header_styles() -> None:
    assert format_year_prose(2025) == "令和7(2025)年"
    assert format_year_prose(2019) == "令和元(2019)年"
    assert format_fiscal_year(2025) == "令和7年度"
    assert format_fiscal_year(2019) == "令和元年度"
    assert format_era_short(2018) == "H30"
    assert format_era_short(2023) == "R5"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2025", 2025),
        ("令和7年", 2025),
        ("R7", 2025),
        ("令和元年", 2019),
        ("H31", 2019),
        ("平成31年", 2019),
        ("令和7(2025)年", 2025),
        ("２０２５年", 2025),
        ("Ｒ７", 2025),
        ("r5", 2023),
    ],
)
def test_parse_year(text: str, year: int) -> None:
    assert parse_year(text) == year


def test_parse_year_checks_both_writings_agree() -> None:
    with pytest.raises(EraError, match="一致しません"):
        parse_year("令和7(2024)年")


@pytest.mark.parametrize(
    ("text", "fiscal_year"),
    [
        ("R2/実績値", 2020),
        ("令和6年度", 2024),
        ("2024", 2024),
        ("2024年度", 2024),
        ("R7年度", 2025),
        ("令和元年度", 2019),
        ("平成30年度実績", 2018),
        ("R8/実績値", 2026),
    ],
)
def test_parse_fiscal_year_headers(text: str, fiscal_year: int) -> None:
    assert parse_fiscal_year(text) == fiscal_year


@pytest.mark.parametrize("text", ["令和X年度", "実績値", "R2x/実績値", "平成45年度", ""])
def test_parse_fiscal_year_rejects(text: str) -> None:
    with pytest.raises(EraError):
        parse_fiscal_year(text)


@given(st.integers(min_value=1989, max_value=2100))
def test_era_round_trip(year: int) -> None:
    name, era_year = to_era(year)
    assert to_western(name, era_year) == year
    assert parse_year(format_year_prose(year)) == year
    assert parse_fiscal_year(format_fiscal_year(year)) == year
    assert parse_fiscal_year(format_era_short(year)) == year
