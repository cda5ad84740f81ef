"""Backtests on the shipped census: every base the data allows, the naive extrapolation, the
rule that a projection from base B uses only data dated B or earlier."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from sousei.vision import hindcast as hindcast_module
from sousei.vision.backtest import (
    area_errors,
    backtest_errors,
    backtest_pairs,
    summarise,
    summarise_by_base,
)
from sousei.vision.inputs import census_history

KURUME = "40203"


def test_pairs_are_every_base_and_horizon_up_to_the_last_census() -> None:
    assert backtest_pairs() == (
        (1995, 2000), (1995, 2005), (1995, 2010), (1995, 2015),
        (2000, 2005), (2000, 2010), (2000, 2015),
        (2005, 2010), (2005, 2015), (2010, 2015),
    )
    # Known at 2005: only targets 2005 or earlier.
    assert backtest_pairs(2005) == ((1995, 2000), (1995, 2005), (2000, 2005))


def test_kurume_rows_compare_with_the_census_and_the_naive_growth() -> None:
    rows = area_errors([KURUME])
    assert len(rows) == 10
    last = rows[(rows["base_year"] == 2010) & (rows["target_year"] == 2015)].iloc[0]
    # 国勢調査 久留米市: 2005 306,434, 2010 302,402, 2015 304,552 (2015 boundaries).
    assert last["observed"] == 304_552
    assert last["naive"] == pytest.approx(302_402 * 302_402 / 306_434)
    assert last["naive_error_pct"] == pytest.approx(100 * (last["naive"] / 304_552 - 1))
    assert last["error_pct"] == pytest.approx(100 * (last["projected"] / 304_552 - 1))
    assert last["size_class"] == "30万人以上"


def test_errors_grow_with_horizon_and_the_method_beats_naive_on_the_whole() -> None:
    summary = summarise(backtest_errors())
    overall = summary[summary["size_class"] == "全体"].set_index("horizon")
    assert list(overall.index) == [5, 10, 15, 20]
    assert overall["median"].is_monotonic_increasing
    assert (overall["municipalities"] == 1682).all()  # without Fukushima's 59
    # Over every base and horizon the method beats carrying the last growth forward.
    by_base = summarise_by_base(backtest_errors())
    assert (by_base["mean"] < by_base["naive_mean"]).all()
    assert (by_base["better_than_naive"] > 0.5).all()


def test_evacuated_towns_have_no_percent_error() -> None:
    rows = area_errors(["07546"])  # 双葉町: nobody counted in 2015
    assert rows[rows["target_year"] == 2015]["error_pct"].isna().all()
    assert rows[rows["target_year"] < 2015]["error_pct"].notna().all()
    # 三宅村 was evacuated at the 2000 census (the eruption of Oyama): no error in 2000, and
    # no naive growth from a base whose previous census counted nobody.
    miyake = area_errors(["13381"])
    assert miyake[miyake["target_year"] == 2000]["error_pct"].isna().all()
    assert miyake[miyake["base_year"] == 2005]["naive_error_pct"].isna().all()


@pytest.mark.parametrize("base_year", [2000, 2010])
def test_a_hindcast_from_base_b_uses_no_census_after_b(monkeypatch, base_year) -> None:
    """Censuses after B are scaled by half: the projection from B must not move."""
    real = census_history()
    later = np.array(real.years) > base_year
    scale = np.where(later, 0.5, 1.0)
    doctored = replace(
        real,
        population=real.population * scale[:, None, None, None],
        observed_total=real.observed_total * scale[:, None],
    )
    honest = hindcast_module.hindcast(base_year, 2015).errors["total_error_pct"]
    monkeypatch.setattr(hindcast_module, "census_history", lambda *a: doctored)
    tampered = hindcast_module.hindcast(base_year, 2015).errors["total_error_pct"]
    observed = real.observed_total[real.years.index(2015)]
    projected = observed * (1 + honest / 100)
    projected_tampered = 0.5 * observed * (1 + tampered / 100)
    finite = np.isfinite(projected)
    assert np.allclose(projected[finite], projected_tampered[finite], rtol=1e-12)
