from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sousei.japanese import (
    NumberError,
    format_number,
    format_percent,
    format_thousand_yen,
    parse_number,
    round_half_up,
)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("19件", 19, "件"),
        ("24万人", 240_000, "人"),
        ("19.9万人", 199_000, "人"),
        ("12.30%", 12.3, "%"),
        ("△5.1", -5.1, ""),
        ("▲1,305", -1305, ""),
        ("△1305人", -1305, "人"),
        ("150,000人", 150_000, "人"),
        ("745千円", 745, "千円"),
        ("８件", 8, "件"),
        ("14,063 億円", 14_063, "億円"),
        ("-3", -3, ""),
        (42, 42, ""),
        (0.5, 0.5, ""),
    ],
)
def test_parse_number(text: str, value: float, unit: str) -> None:
    parsed = parse_number(text)
    assert parsed.value == pytest.approx(value)
    assert parsed.unit == unit


@pytest.mark.parametrize("text", ["abc", "—", "未実施", "", "5年間に40件", "R7"])
def test_parse_number_rejects_text(text: str) -> None:
    with pytest.raises(NumberError):
        parse_number(text)


def test_half_up_rounding_as_printed() -> None:
    assert round_half_up(62.5) == 63
    assert round_half_up(37.5) == 38
    assert round_half_up(0.125, 2) == 0.13
    assert round_half_up(95.8333, 1) == 95.8


def test_formats() -> None:
    assert format_number(-1825) == "△1,825"
    assert format_number(-1305, negative_mark="▲") == "▲1,305"
    assert format_number(130108) == "130,108"
    assert format_number(-0.2) == "0"
    assert format_percent(28.66) == "28.7%"
    assert format_thousand_yen(2400) == "2,400千円"


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_format_then_parse_round_trips(value: int) -> None:
    assert parse_number(format_number(value)).value == value


def test_numpy_scalars_format_like_floats() -> None:
    import numpy as np

    from sousei.japanese import format_number, format_percent

    assert format_number(np.float64(-1825.4)) == "△1,825"
    assert format_percent(np.float64(62.45)) == "62.5%"
    assert format_number(np.int64(304552)) == "304,552"
