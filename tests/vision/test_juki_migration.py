"""Recent net migration from two shipped 住基 tables five years apart (2016 -> 2021)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sousei.demography.rates import cohort_inflow
from sousei.io.errors import InputError
from sousei.io.population.convert import frame_to_population
from sousei.vision.juki_base import grid_frame, load_juki_base
from sousei.vision.juki_migration import BLEND_WEIGHT, apply, find_history, juki_rates
from sousei.vision.juki_projection import prepare
from sousei.vision.mortality import period_survival
from sousei.vision.run import ProjectionRequest, census_inputs

FILES = [Path("2108nsnen.xlsx"), Path("2112gsnen.xlsx")]


@pytest.fixture(scope="module")
def measured():
    base = load_juki_base(FILES)
    prepared = prepare(base)
    history = find_history(base, None, FILES[0])
    return base, prepared, history, juki_rates(base, history, prepared.main)


def test_history_is_the_japanese_table_five_years_before(measured):
    _, _, history, _ = measured
    assert history.file == "1608nsnen.xls.gz"
    assert history.reference_date.isoformat() == "2016-01-01"


def test_rates_give_back_the_2021_table_from_the_2016_one(measured):
    """Survival plus the measured rate carries each 2016 cohort to its printed 2021 size."""
    _, prepared, history, rates = measured
    before = frame_to_population(grid_frame(history, []), 2016, "japanese")
    codes = ["40203", "13104", "10524"]  # 久留米市, 新宿区, 大泉町
    start = before.select(codes).values
    end = prepared.main.select(codes).values
    survival, _ = period_survival(2016)
    rows = [prepared.main.regions.index(c) for c in codes]
    carried = cohort_inflow(start * (survival + rates[rows]))
    np.testing.assert_allclose(carried[..., 1:], end[..., 1:], rtol=1e-9)
    assert end[0].sum() == pytest.approx(300_201)  # 久留米市, printed in 2108nsnen.xlsx


def test_blend_is_halfway_and_census_is_untouched(measured):
    _, prepared, _, rates = measured
    request = ProjectionRequest(("40203",), 2015, 2020)
    _, assumptions = census_inputs(request)
    row = rates[[prepared.main.regions.index("40203")]]
    census = assumptions.net_migration_rate
    assert apply(assumptions, row, "census") is assumptions
    juki = apply(assumptions, row, "juki").net_migration_rate
    blend = apply(assumptions, row, "blend").net_migration_rate
    np.testing.assert_allclose(juki[0, 0], row)
    np.testing.assert_allclose(blend, BLEND_WEIGHT * juki + (1 - BLEND_WEIGHT) * census)
    assert not np.allclose(juki, census)
    with pytest.raises(InputError):
        apply(assumptions, row, "recent")


def test_history_of_the_wrong_span_is_refused(measured):
    base, _, _, _ = measured
    with pytest.raises(InputError, match="5年前"):
        find_history(base, Path("1808nsnen.xls"), FILES[0])
