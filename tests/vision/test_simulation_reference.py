"""Difference rows against any scenario: 改善 minus 将来推計 as the seeds print 総人口改善."""

from __future__ import annotations

import pytest

from sousei.demography.scenarios import BASELINE, MigrationDelta, Scenario, TfrPath
from sousei.vision.run import ProjectionRequest, run_projection
from sousei.vision.tables import simulation_table

TFR = Scenario("出生率向上", tfr=TfrPath(((2060, 0.1),)))
BOTH = Scenario("出生率向上と若者定着", tfr=TfrPath(((2060, 0.1),)),
                migration=(MigrationDelta(10, 29, 0.005),))


@pytest.fixture(scope="module")
def run():
    _, result = run_projection(ProjectionRequest(("40203",), 2015, 2060, (BASELINE, TFR, BOTH)))
    return result


def test_differences_from_a_chosen_scenario_are_the_blocks_subtracted(run) -> None:
    table = simulation_table(run, 0, reference=1)
    improved = table.loc[("出生率向上と若者定着", "総人口")]
    reference = table.loc[("出生率向上", "総人口")]
    difference = table.loc[("出生率向上と若者定着", "総人口(出生率向上との差)")]
    assert (difference - (improved - reference)).abs().max() < 1e-6
    assert difference[2060] > 0  # better migration on top of the same TFR adds people
    # the reference itself has no difference rows; the baseline now has one (negative)
    assert not any("との差" in label for label in table.loc["出生率向上"].index)
    assert table.loc[("基準推計", "総人口(出生率向上との差)")][2060] < 0


def test_the_default_reference_is_still_the_baseline(run) -> None:
    table = simulation_table(run, 0)
    assert ("出生率向上", "総人口(基準推計との差)") in table.index
    assert not any("との差" in label for label in table.loc["基準推計"].index)


def test_an_unknown_reference_is_refused(run) -> None:
    with pytest.raises(ValueError, match="シナリオ番号 5"):
        simulation_table(run, 0, reference=5)
