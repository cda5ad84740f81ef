"""Which sections a 人口ビジョン report has: the IPSS comparison always (when IPSS projected the
municipality), the simulation only when there is a scenario to compare."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from sousei.demography.scenarios import BASELINE, Scenario, TfrPath
from sousei.io.reference.ipss import read_ipss2018
from sousei.reports.html import render_document
from sousei.reports.vision import vision_document, write_vision_report
from sousei.reports.vision_data import vision_data
from sousei.reports.vision_published import PUBLISHED
from sousei.vision.areas import data_codes
from sousei.vision.run import ProjectionRequest

IPSS_EXTRACT = Path(__file__).resolve().parents[1] / "data" / "ipss2018_kurume_hokkaido.csv"
SCENARIO = Scenario("出生率向上", tfr=TfrPath(((2060, 0.1),)))


@pytest.fixture(scope="module")
def kurume():
    (plain,) = vision_data(ProjectionRequest(data_codes(["久留米市"])))
    (with_scenario,) = vision_data(ProjectionRequest(data_codes(["久留米市"]),
                                                     scenarios=(BASELINE, SCENARIO)))
    return plain, with_scenario


def test_without_a_scenario_there_is_no_repeated_simulation_table(kurume) -> None:
    plain, with_scenario = kurume
    assert "simulation" not in [s.key for s in vision_document(plain).sections]
    assert "simulation" in [s.key for s in vision_document(with_scenario).sections]


def test_every_report_compares_with_the_ipss_2018_projection(kurume, tmp_path) -> None:
    plain, _ = kurume
    document = vision_document(plain)
    keys = [s.key for s in document.sections]
    assert keys.index("published") == keys.index("projection") + 1
    files = write_vision_report(plain, tmp_path, pdf=False)
    ws = load_workbook(files.xlsx)["社人研推計との比較"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    years = [ws.cell(row=3, column=c).value for c in range(2, 2 + len(plain.years))]
    published = read_ipss2018(str(IPSS_EXTRACT))
    ipss = published[published["area_code"] == "40203"]
    for column, year in enumerate(years, start=2):
        cell = ws.cell(row=rows["社人研推計(平成30年)"], column=column).value
        expected = ipss.loc[ipss["year"] == year, "value"].sum() if year <= 2045 else None
        assert cell == (pytest.approx(expected, abs=0.5) if expected else None), year
    assert ws.cell(row=rows["社人研推計(平成30年)"], column=2).value == 304_552  # 2015 census
    assert "社人研推計(平成30年)" in render_document(document)
    assert len(PUBLISHED) >= 1
