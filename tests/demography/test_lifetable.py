"""Life tables from the shipped HMD death rates against HMD's own published table."""

from __future__ import annotations

import numpy as np
import pytest

from sousei.demography.lifetable import life_table, survival_ratios_5y
from sousei.io.reference import shipped


def test_female_2015_and_2020_life_expectancy() -> None:
    """e0 = 86.97 (2015) and 87.74 (2020), as the HMD table publishes them."""
    published = shipped.hmd_female_lifetable()
    for year, e0 in ((2015, 86.97), (2020, 87.74)):
        mx = published[published["year"] == year].sort_values("age")["mx"].to_numpy(float)
        assert life_table(mx, female=True)["Tx"][0] == pytest.approx(e0, abs=0.005)


@pytest.mark.parametrize("year", [1950, 1970, 1990, 2000, 2010, 2015, 2020])
def test_female_table_matches_hmd_published_columns(year: int) -> None:
    published = shipped.hmd_female_lifetable()
    rows = published[published["year"] == year].sort_values("age")
    table = life_table(rows["mx"].to_numpy(float), female=True)
    assert table["Tx"][0] == pytest.approx(float(rows["ex"].iloc[0]), abs=0.02)
    np.testing.assert_allclose(table["lx"][:100] * 1e5, rows["lx"].to_numpy(float)[:100], atol=30)


def test_survival_ratios_are_probabilities_and_fall_with_age() -> None:
    published = shipped.hmd_female_lifetable()
    mx = published[published["year"] == 2015].sort_values("age")["mx"].to_numpy(float)
    table = life_table(mx, female=True)
    survival, birth = survival_ratios_5y(table["Lx"])
    assert np.all((survival > 0) & (survival <= 1))
    assert np.all(np.diff(survival[5:]) < 0)  # from 25-29 on, each group survives less
    assert 0.99 < birth < 1.0
    # 90+ -> 95+: T95 / T90 of the same table.
    assert survival[-1] == pytest.approx(table["Tx"][95] / table["Tx"][90])
