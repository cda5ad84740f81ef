"""The baseline's prediction intervals in the 人口ビジョン report (workbook sheet and section)."""

from __future__ import annotations

import numpy as np
import pytest
from openpyxl import load_workbook

from sousei.reports.vision import vision_document, write_vision_report
from sousei.reports.vision_data import vision_data
from sousei.reports.vision_intervals import interval_report_table
from sousei.vision.areas import data_codes
from sousei.vision.intervals import band
from sousei.vision.run import ProjectionRequest


@pytest.fixture(scope="module")
def kurume():
    (data,) = vision_data(ProjectionRequest(data_codes(["久留米市"]), to_year=2045))
    return data


def test_the_workbook_has_the_bands_of_the_baseline(kurume, tmp_path) -> None:
    files = write_vision_report(kurume, tmp_path, pdf=False)
    ws = load_workbook(files.xlsx)["推計_予測区間"]
    rows = {r[0]: r[1:] for r in ws.iter_rows(min_row=4, values_only=True) if r[0]}
    header = [c.value for c in ws[3]][1:]
    assert header == list(range(2015, 2050, 5))
    totals = kurume.population(0).sum(axis=(-2, -1))
    lower, upper = band(totals[None], np.array([totals[0]]), 2015, kurume.years, 95)
    assert rows["基準推計 総人口"] == pytest.approx(tuple(totals))
    assert rows["基準推計 総人口 95%予測区間 下限"] == pytest.approx(tuple(lower[0]))
    assert rows["基準推計 総人口 95%予測区間 上限"] == pytest.approx(tuple(upper[0]))
    low80 = rows["基準推計 総人口 80%予測区間 下限"]
    assert low80[0] == pytest.approx(totals[0])  # the base year is the census
    assert all(a < b for a, b in zip(low80[1:], totals[1:], strict=True))


def test_the_table_sits_in_the_projection_section_with_its_method(kurume) -> None:
    section = next(s for s in vision_document(kurume).sections if s.key == "projection")
    table = interval_report_table(kurume)
    assert table in section.blocks
    assert any("1995～2010年の国勢調査を基準年" in note for note in table.notes)
