"""Report data cut from a run made elsewhere (the web app's) equals what `vision_data` gathers."""

from __future__ import annotations

import numpy as np

from sousei.demography.scenarios import BASELINE, Scenario, TfrPath
from sousei.reports.vision_data import vision_data
from sousei.reports.vision_run import region_reports
from sousei.vision.areas import data_codes
from sousei.vision.run import ProjectionRequest


def test_region_reports_match_vision_data_for_the_census_run() -> None:
    scenario = Scenario("出生率向上", tfr=TfrPath(((2060, 0.1),)))
    request = ProjectionRequest(data_codes(["久留米市", "大川市"]), scenarios=(BASELINE, scenario))
    expected = vision_data(request)
    got = region_reports(expected[0].run, {"40203": "久留米市"}, "住民基本台帳(テスト)")
    assert [d.code for d in got] == [d.code for d in expected]
    assert [d.name for d in got] == ["久留米市", "大川市"]
    for a, b in zip(got, expected, strict=True):
        assert a.census_years == b.census_years
        np.testing.assert_array_equal(a.census, b.census)
        np.testing.assert_array_equal(a.census_total, b.census_total)
        assert a.base_tfr == b.base_tfr
        assert a.years == b.years
    assert got[0].census_total[-1] == 304_552  # 国勢調査 2015, 久留米市
    assert got[0].population_source == "住民基本台帳(テスト)"
