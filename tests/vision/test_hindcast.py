"""The hindcast bar of the population-engine issue, on the real census of every municipality."""

from __future__ import annotations

from sousei.vision.hindcast import error_summary, hindcast


def test_five_year_hindcast_median_error_of_totals_within_1_5_percent() -> None:
    result = hindcast(2010, 2015)
    summary = error_summary(result)
    assert summary.loc[0, "municipalities"] == 1741
    assert summary.loc[0, "total_median"] <= 1.5
    # Larger places are easier: the biggest class does better than the smallest.
    assert summary.iloc[-1]["total_median"] < summary.iloc[1]["total_median"]


def test_ten_year_hindcast_median_error_of_totals_within_3_5_percent() -> None:
    summary = error_summary(hindcast(2005, 2015))
    assert summary.loc[0, "total_median"] <= 3.5
