"""IPSS 2018 and 2023 in the 人口ビジョン report: the comparison sheet and the chart's lines."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from sousei.reports.vision import vision_document, write_vision_report
from sousei.reports.vision_data import vision_data
from sousei.reports.vision_ipss import ipss_table
from sousei.vision.areas import data_codes
from sousei.vision.run import ProjectionRequest


@pytest.fixture(scope="module")
def kurume():
    (data,) = vision_data(ProjectionRequest(data_codes(["久留米市"])))
    return data


def test_comparison_sheet_has_both_editions_on_their_years(kurume, tmp_path) -> None:
    files = write_vision_report(kurume, tmp_path, pdf=False)
    ws = load_workbook(files.xlsx)["推計_社人研推計との比較"]
    rows = {r[0]: r[1:] for r in ws.iter_rows(min_row=4, values_only=True) if r[0]}
    header = [c.value for c in ws[3]][1:]
    assert header == list(range(2015, 2065, 5))
    new = dict(zip(header, rows["社人研推計(令和5年推計) 総人口"], strict=True))
    assert (new[2015], new[2025], new[2050], new[2060]) == (None, 299_292, 260_912, None)
    old = dict(zip(header, rows["社人研推計(平成30年推計) 老年人口(65歳以上)"], strict=True))
    assert (old[2015], old[2045], old[2050]) == (78_464, 99_810, None)
    baseline = dict(zip(header, rows["基準推計 総人口"], strict=True))
    assert baseline[2015] == pytest.approx(kurume.population(0)[0].sum())


def test_the_table_sits_in_the_projection_section_with_its_sources(kurume) -> None:
    section = next(s for s in vision_document(kurume).sections if s.key == "projection")
    table = ipss_table(kurume)
    assert table in section.blocks
    assert any("令和5(2023)年推計" in note for note in table.notes)


def test_an_area_ipss_does_not_cover_has_no_table() -> None:
    (futaba,) = vision_data(ProjectionRequest(("07545",), to_year=2030))
    assert ipss_table(futaba) is None
    section = next(s for s in vision_document(futaba).sections if s.key == "projection")
    assert len(section.blocks) == 3  # the projection table, its chart and its intervals
