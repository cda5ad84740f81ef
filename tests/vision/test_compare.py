"""The comparison table for all of Fukuoka prefecture against the engine called area by area,
and against IPSS 2023's published figures."""

from __future__ import annotations

import numpy as np
import pytest

from sousei.vision.areas import data_codes
from sousei.vision.compare import INDICATORS, compare
from sousei.vision.run import ProjectionRequest, run_projection

FUKUOKA = data_codes(prefecture="40")


def test_fukuoka_has_its_60_municipalities_with_designated_cities_whole() -> None:
    assert len(FUKUOKA) == 60 and "40130" in FUKUOKA and "40131" not in FUKUOKA


def test_projected_change_equals_each_area_projected_alone() -> None:
    table = compare(FUKUOKA, "change_baseline").set_index("地域コード")
    for code in FUKUOKA:
        _, run = run_projection(ProjectionRequest((code,), 2015, 2050))
        totals = run.total.population[0].sum(axis=(1, 2, 3))
        years = list(run.total.years)
        alone = totals[years.index(2050)] / totals[years.index(2020)] - 1
        assert table.loc[code, "値"] == pytest.approx(alone, rel=1e-9), code


def test_ipss2023_change_is_the_published_one() -> None:
    table = compare(FUKUOKA, "change_ipss2023").set_index("地域コード")
    # IPSS 2023, 久留米市: 299,292 (2025) -> 260,912 (2050)
    assert table.loc["40203", "値"] == pytest.approx(260_912 / 299_292 - 1)
    # 那珂川町 (2015 code 40305) is found under its 2020 code 40231 那珂川市
    assert not np.isnan(table.loc["40305", "値"])


def test_sorted_highest_first_with_ranks() -> None:
    table = compare(FUKUOKA, "ageing_rate")
    values = table["値"].to_numpy()
    assert (np.diff(values) <= 0).all()
    assert table["順位"].tolist()[:3] == [1, 2, 3]
    assert table.iloc[0]["地域名"] == "東峰村"  # the oldest municipality of Fukuoka in 2015


@pytest.mark.parametrize("name", sorted(INDICATORS))
def test_every_indicator_gives_a_figure_for_kurume(name: str) -> None:
    table = compare(("40203", "40207"), name).set_index("地域コード")
    assert np.isfinite(table.loc["40203", "値"])


def test_an_unknown_indicator_is_refused_in_japanese() -> None:
    with pytest.raises(ValueError, match="指標 'gdp' はありません"):
        compare(FUKUOKA, "gdp")
