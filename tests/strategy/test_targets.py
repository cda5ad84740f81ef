from __future__ import annotations

import pytest

from sousei.strategy import Aggregation, Direction, TargetKind, read_target


@pytest.mark.parametrize(
    ("text", "kind", "value", "year", "unit"),
    [
        ("5年間に40件", TargetKind.CUMULATIVE, 40, 2029, "件"),
        ("150,000人(R6)", TargetKind.LEVEL, 150_000, 2024, "人"),
        ("21事業以上", TargetKind.AT_LEAST, 21, 2029, "事業"),
        ("26万人", TargetKind.LEVEL, 260_000, 2029, "人"),
        ("100.00%", TargetKind.LEVEL, 100, 2029, "%"),
        ("10件以下", TargetKind.AT_MOST, 10, 2029, "件"),
        ("612,800人(R7年度)", TargetKind.LEVEL, 612_800, 2025, "人"),
        ("全国平均正答率に到達", TargetKind.QUALITATIVE, None, 2029, ""),
        ("実施", TargetKind.QUALITATIVE, None, 2029, ""),
    ],
)
def test_kinds_of_target(text: str, kind: TargetKind, value: float, year: int, unit: str) -> None:
    reading = read_target(text, default_year=2029)
    assert reading.target.kind is kind
    assert reading.target.value == value
    assert reading.target.fiscal_year == year
    assert reading.target.text == text
    assert reading.unit == unit


def test_inference_is_reported_and_explicit_columns_win() -> None:
    flow = read_target("5年間に50区画", 2029)
    assert flow.aggregation is Aggregation.FLOW
    assert any("フロー" in line for line in flow.inferred)
    stock = read_target("5年間に50区画", 2029, aggregation=Aggregation.STOCK)
    assert stock.target.kind is TargetKind.STOCK
    assert not any("フロー" in line for line in stock.inferred)


def test_a_target_below_the_baseline_means_lower_is_better() -> None:
    reading = read_target("1,000件", 2029, baseline=1_250)
    assert reading.direction is Direction.LOWER
    assert reading.target.kind is TargetKind.DECREASE
    assert any("低い方が良い" in line for line in reading.inferred)
    given = read_target("1,000件", 2029, baseline=1_250, direction=Direction.HIGHER)
    assert given.target.kind is TargetKind.LEVEL
    assert given.inferred == ("目標年度の水準(レベル)と推定しました",)
