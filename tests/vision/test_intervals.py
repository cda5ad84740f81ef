"""Prediction intervals: checked out of sample on the backtests, and the shipped table fresh."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sousei.io.reference import shipped
from sousei.vision.backtest import BASE_YEARS, backtest_errors
from sousei.vision.intervals import (
    band,
    coverage,
    error_model,
    known_at_years,
    model_known_at,
    shipped_model,
)


def _leave_one_base_out(level: int) -> float:
    """Coverage of every left-out base's errors by the bands of the other bases' errors."""
    errors = backtest_errors()
    inside = cases = 0
    for base in BASE_YEARS:
        left_out = errors[errors["base_year"] == base]
        model = error_model(errors[errors["base_year"] != base])
        n = int((~left_out["fukushima"] & left_out["error_pct"].notna()).sum())
        inside += coverage(model, left_out, level) * n
        cases += n
    return inside / cases


def test_an_80_percent_band_covers_75_to_85_percent_of_left_out_errors() -> None:
    assert 0.75 <= _leave_one_base_out(80) <= 0.85


def test_a_95_percent_band_covers_about_95_percent_of_left_out_errors() -> None:
    # Measured 93.3%: slightly narrow out of sample (the 1995 base was harder than the others).
    assert 0.90 <= _leave_one_base_out(95) <= 0.98


def test_in_sample_coverage_is_the_nominal_level() -> None:
    errors = backtest_errors()
    model = error_model(errors)
    assert coverage(model, errors, 80) == pytest.approx(0.80, abs=0.01)
    assert coverage(model, errors, 95) == pytest.approx(0.95, abs=0.01)


def test_a_projection_from_base_b_uses_only_errors_known_at_b() -> None:
    assert shipped_model(2015)["known_at"].unique().tolist() == [2015]
    assert shipped_model(2021)["known_at"].unique().tolist() == [2015]  # a 住基 base
    early = shipped_model(2007)
    assert early["known_at"].unique().tolist() == [2005]
    assert early["horizon"].max() == 10  # 1995 -> 2005 is the longest known in 2005
    with pytest.raises(ValueError, match="予測区間を計算できません"):
        shipped_model(1995)


def test_kurume_2045_band_from_the_shipped_model() -> None:
    model = shipped_model(2015)
    years = (2015, 2020, 2045)
    lower, upper = band(np.array([[300_000.0, 290_000.0, 250_000.0]]), np.array([304_552.0]),
                        2015, years, 80)
    assert lower[0, 0] == upper[0, 0] == 300_000  # the base has no width
    row = model[(model["size_class"] == "30万人以上") & (model["horizon"] == 5)].iloc[0]
    assert lower[0, 1] == pytest.approx(290_000 * np.exp(-row["q900"]))
    assert upper[0, 1] == pytest.approx(290_000 * np.exp(-row["q100"]))
    longest = model[(model["size_class"] == "30万人以上") & (model["horizon"] == 20)].iloc[0]
    assert upper[0, 2] == pytest.approx(250_000 * np.exp(-longest["q100"] * 30 / 20))


@settings(max_examples=50, deadline=None)
@given(
    totals=st.lists(st.floats(1, 1e7), min_size=1, max_size=6),
    population=st.floats(1, 4e6),
    steps=st.integers(1, 12),
)
def test_bands_nest_and_widen_beyond_the_longest_horizon(totals, population, steps) -> None:
    years = tuple(2015 + 5 * k for k in range(steps + 1))
    values = np.resize(np.array(totals), (1, len(years)))
    lo80, hi80 = band(values, np.array([population]), 2015, years, 80)
    lo95, hi95 = band(values, np.array([population]), 2015, years, 95)
    assert np.all(lo95 <= lo80) and np.all(lo80 <= hi80) and np.all(hi80 <= hi95)
    ratio = hi95 / lo95
    assert np.all(np.diff(ratio[0, 4:]) >= -1e-9)  # beyond 20 years the band only widens


@pytest.mark.slow
def test_the_shipped_error_model_is_the_current_methods() -> None:
    """Fails after a change to the method until scripts/error_model.py is run again."""
    fresh = pd.concat([model_known_at(year) for year in known_at_years()], ignore_index=True)
    table = shipped.backtest_error_model()
    keys = ["known_at", "size_class", "horizon", "cases"]
    assert table[keys].astype(str).equals(fresh[keys].astype(str)), (
        "scripts/error_model.py を実行して誤差モデルを更新してください"
    )
    for column in ("q025", "q100", "q500", "q900", "q975"):
        np.testing.assert_allclose(table[column], fresh[column], atol=1e-6)


@settings(max_examples=30, deadline=None)
@given(population=st.one_of(st.just(float("nan")), st.floats(max_value=-1)))
def test_a_base_population_that_is_not_a_size_is_refused(population) -> None:
    with pytest.raises(ValueError, match="人口規模"):
        band(np.array([[100.0, 90.0]]), np.array([population]), 2015, (2015, 2020))
