"""Target seeking on 久留米市 from the 2015 census: the solved scenario, projected the ordinary
way, reaches the target at the date within one person, and more ambition needs more change."""

from __future__ import annotations

import datetime as dt

import pytest

from sousei.demography.scenarios import BASELINE
from sousei.demography.target_seeking import TargetUnreachableError, interpolate_at_date
from sousei.vision.run import ProjectionRequest, run_projection
from sousei.vision.target_seeking import (
    CENSUS_REFERENCE,
    TargetRequest,
    point_dates,
    seek_target,
)

KURUME = ProjectionRequest(("40203",), 2015, 2035)
END_OF_FY2030 = dt.date(2031, 3, 31)


def _population_at(scenario, date: dt.date) -> float:
    _, run = run_projection(ProjectionRequest(("40203",), 2015, 2035, (BASELINE, scenario)))
    totals = run.total.population.sum(axis=(2, 3, 4))
    dates = point_dates(2015, len(run.total.years) - 1, CENSUS_REFERENCE)
    return float(interpolate_at_date(dates, totals, date)[1])


@pytest.mark.parametrize("lever", ["tfr", "migration", "mix"])
def test_the_solved_scenario_reaches_295000_at_the_end_of_fy2030(lever: str) -> None:
    result = seek_target(KURUME, TargetRequest(295_000, END_OF_FY2030, lever))
    assert _population_at(result.scenario, END_OF_FY2030) == pytest.approx(295_000, abs=1.0)
    assert "2031年3月31日に295,000人" in result.scenario.description
    # the sign follows the gap: more people than the baseline needs a positive change
    higher = seek_target(KURUME, TargetRequest(result.without + 3_000, END_OF_FY2030, lever))
    assert higher.tfr_change >= 0 and higher.migration_points >= 0
    assert higher.tfr_change + higher.migration_points > 0


def test_a_higher_target_needs_a_higher_tfr() -> None:
    changes = [
        seek_target(KURUME, TargetRequest(target, END_OF_FY2030, "tfr")).tfr_change
        for target in (290_000, 295_000, 300_000)
    ]
    assert changes == sorted(changes) and changes[0] < changes[-1]


def test_an_unreachable_target_is_refused_in_japanese() -> None:
    with pytest.raises(TargetUnreachableError, match="目標人口 600,000人"):
        seek_target(KURUME, TargetRequest(600_000, END_OF_FY2030, "tfr"))
