"""The vision report's simulation table against any scenario (総人口改善 = 改善 − 将来推計)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sousei.demography.scenarios import BASELINE, Scenario, TfrPath
from sousei.reports.vision_data import vision_data
from sousei.reports.vision_tables import simulation_report_table
from sousei.vision.run import ProjectionRequest

TREND = Scenario("将来推計", tfr=TfrPath(((2060, 0.05),)))
BETTER = Scenario("改善シナリオ", tfr=TfrPath(((2060, 0.4),)))


@pytest.fixture(scope="module")
def data():
    (one,) = vision_data(ProjectionRequest(("40203",), 2015, 2045, (BASELINE, TREND, BETTER)))
    return one


def test_differences_from_the_named_scenario(data) -> None:
    table = simulation_report_table(replace(data, against="将来推計"))
    labels = [row[1].value for row in table.body]
    assert "総人口(将来推計との差)" in labels
    assert any("将来推計の値を引いた" in note for note in table.notes)
    # blocks in order: 基準推計 (minus 将来推計), 将来推計 (the reference, no row), 改善シナリオ
    first, last = [r for r, label in zip(table.body, labels, strict=True)
                   if label == "総人口(将来推計との差)"]
    totals = data.run.total.population[:, -1, 0].sum(axis=(1, 2))
    assert first[-1].value == pytest.approx(float(totals[0] - totals[1]))
    assert last[-1].value == pytest.approx(float(totals[2] - totals[1]))


def test_an_unknown_scenario_is_refused(data) -> None:
    with pytest.raises(ValueError, match="比較の基準にするシナリオ「なし」"):
        simulation_report_table(replace(data, against="なし"))
