"""Feeding the engine the ratios implied by IPSS 2018 reproduces every published cell.

This pins the mechanics of the method to the official results: cohort ageing, the open 90+
group, 0-4 from the child-woman ratio and the sex ratio, and arrivals in empty cohorts.
"""

from __future__ import annotations

import numpy as np
import pytest

from sousei.demography.cohort_component import project_cohort_component
from sousei.demography.estimation import implied_by_path
from sousei.demography.population import Population
from sousei.io.reference import shipped
from sousei.vision.arrays import grid_array
from sousei.vision.mortality import period_survival


@pytest.fixture(scope="module")
def ipss_municipal():
    frame = shipped.ipss2018()
    areas = shipped.ipss2018_areas()
    municipal = areas.loc[areas["kind"] != "prefecture", "area_code"]
    years, regions, values = grid_array(frame[frame["area_code"].isin(set(municipal))])
    return years, regions, values


def test_every_published_cell_2020_2045_within_one_person(ipss_municipal) -> None:
    years, regions, path = ipss_municipal
    assert years == (2015, 2020, 2025, 2030, 2035, 2040, 2045)
    assert len(regions) > 1800  # cities, towns, villages, wards and designated cities
    survival, birth = period_survival(2010)
    assumptions = implied_by_path(path, survival_ratio=survival, birth_survival=birth)
    base = Population(path[0], regions, 2015)
    projection = project_cohort_component(base, assumptions, 6, components=True)
    difference = np.abs(np.round(projection.population[0]) - path)
    assert difference.max() <= 1.0
    assert np.abs(projection.balance_residual()).max() < 1e-6
    # Spot check against the published table: 久留米市 2045 total 279,310.
    kurume = regions.index("40203")
    assert round(projection.population[0, -1, kurume].sum()) == 279_310
