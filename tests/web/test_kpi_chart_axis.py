"""The KPI trend chart's y axis: round tick values inside the plotted range, with the unit."""

from __future__ import annotations

import math
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from sousei.web.axis import ticks
from sousei.web.strategies.charts import kpi_chart_svg


def test_ticks_of_the_fixture_kpi() -> None:
    """Baseline 600, target 1,000, actual 700: the axis runs 540..1,060; a fifth of that span
    (104) rounds up to steps of 200."""
    assert ticks(540, 1060) == [600, 800, 1000]


@given(st.floats(-1e6, 1e6), st.floats(1e-3, 1e6))
def test_ticks_are_few_round_and_inside(low: float, span: float) -> None:
    high = low + span
    values = ticks(low, high)
    assert 2 <= len(values) <= 11
    step = values[1] - values[0]
    assert all(low - step * 1e-6 <= v <= high + step * 1e-6 for v in values)
    mantissa = step / 10 ** math.floor(math.log10(step))
    # Tick values are rounded to 10 decimals (no 0.30000000000000004 on the axis), so a step of
    # 1e-4 near 1e6 can differ from a round one by ~1e-6 relative; 1, 2 and 5 stay far apart.
    assert min(abs(mantissa - m) for m in (1, 2, 5, 10)) < 1e-4


def test_chart_has_values_unit_and_legend() -> None:
    kpi = SimpleNamespace(name="物産展の来場者数", unit="人", baseline=600, baseline_year=2021,
                          target_value=1000, target_year=2026)
    actual = SimpleNamespace(fiscal_year=2022, value=700)
    svg = str(kpi_chart_svg(kpi, [actual], list(range(2022, 2027))))
    assert '>1,000</text>' in svg and ">600</text>" in svg and "(人)" in svg
    assert "実績値" in svg and "基準値から目標値への道筋" in svg
    assert 'width="' not in svg.split(">")[1]  # scales with the page: no fixed width on the svg
