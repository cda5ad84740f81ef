"""The 将来展望 section of the 久留米市 vision report: the chosen scenario against the baseline and
IPSS (published 2045 total 279,310), the target population and its gap, in the XLSX and the HTML."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from sousei.demography.scenarios import BASELINE, MigrationDelta, Scenario, TfrPath
from sousei.reports.html import render_document
from sousei.reports.vision import vision_document, write_vision_report
from sousei.reports.vision_data import vision_data
from sousei.reports.vision_outlook import PopulationTarget, VisionOutlook
from sousei.reports.vision_words import scenario_words
from sousei.vision.areas import data_codes
from sousei.vision.run import ProjectionRequest

CHOSEN = Scenario(
    "出生率向上と若者定着",
    tfr=TfrPath(((2040, 1.8),), relative=False),
    migration=(MigrationDelta(10, 29, 0.025),),
)
TARGET = PopulationTarget(300_000, 2040, "出生率向上と若者定着")
IPSS_KURUME_2045 = 279_310  # IPSS 平成30年推計, 久留米市 総人口 2045


@pytest.fixture(scope="module")
def data():
    request = ProjectionRequest(data_codes(["久留米市"]), scenarios=(BASELINE, CHOSEN))
    (result,) = vision_data(request)
    return result


@pytest.fixture(scope="module")
def workbook(data, tmp_path_factory):
    outlook = VisionOutlook("出生率向上と若者定着", TARGET)
    files = write_vision_report(data, tmp_path_factory.mktemp("outlook"), pdf=False,
                                outlook=outlook)
    return load_workbook(files.xlsx)


def _totals(data, k: int) -> list[float]:
    return list(data.run.total.population[k, :, data.region].sum(axis=(-2, -1)))


def test_outlook_sheet_compares_the_chosen_path_with_baseline_and_ipss(data, workbook) -> None:
    ws = workbook["将来展望"]
    assert [ws.cell(row=3, column=c).value for c in range(2, 12)] == list(range(2015, 2061, 5))
    labels = [ws.cell(row=r, column=1).value for r in range(4, 9)]
    assert labels == ["将来展望「出生率向上と若者定着」", "基準推計", "差(将来展望－基準推計)",
                      "社人研推計", "差(将来展望－社人研推計)"]
    chosen, baseline = _totals(data, 1), _totals(data, 0)
    for c in range(10):
        assert ws.cell(row=4, column=c + 2).value == pytest.approx(chosen[c])
        assert ws.cell(row=6, column=c + 2).value == pytest.approx(chosen[c] - baseline[c])
    assert ws["H7"].value == IPSS_KURUME_2045  # column H = 2045
    assert ws["I7"].value is None  # IPSS stops in 2045
    assert ws["H8"].value == pytest.approx(chosen[6] - IPSS_KURUME_2045)
    assert ws["B4"].number_format == '#,##0;"△"#,##0'
    # Same base population: no difference in 2015, and the scenario raises the 2060 total.
    assert ws["B6"].value == pytest.approx(0)
    assert ws["K6"].value > 0


def test_target_sheet_gives_the_gap_in_the_target_year(data, workbook) -> None:
    ws = workbook["目標人口"]
    assert ws["A4"].value == 2040
    assert ws["B4"].value == 300_000
    chosen_2040 = _totals(data, 1)[5]
    assert ws["C4"].value == pytest.approx(chosen_2040)
    assert ws["D4"].value == pytest.approx(chosen_2040 - 300_000)
    assert ws["F4"].value == pytest.approx(_totals(data, 0)[5] - 300_000)


def test_target_between_points_is_interpolated_and_says_so(data) -> None:
    target = PopulationTarget(290_000, 2042)
    document = vision_document(data, outlook=VisionOutlook("出生率向上と若者定着", target))
    section = next(s for s in document.sections if s.key == "outlook")
    table = next(b for b in section.blocks if getattr(b, "key", "") == "目標人口")
    chosen = _totals(data, 1)
    expected = chosen[5] + (chosen[6] - chosen[5]) * 2 / 5
    assert table.body[0][2].value == pytest.approx(expected)
    assert "直線で補間" in table.notes[0]


def test_html_section_words_and_order(data) -> None:
    document = vision_document(data, outlook=VisionOutlook("出生率向上と若者定着", TARGET))
    keys = [s.key for s in document.sections]
    assert keys.index("outlook") == keys.index("simulation") + 1
    html = render_document(document)
    assert "将来展望として、シナリオ「出生率向上と若者定着」を選びました" in html
    assert "合計特殊出生率を令和22(2040)年に1.80" in html
    assert "10～29歳(男女)の純移動率を5年間あたり2.50ポイント(1年あたり0.50ポイント)改善" in html
    assert "目標人口は令和22(2040)年に300,000人です" in html


def test_unknown_scenario_or_target_year_outside_the_projection_is_refused(data) -> None:
    with pytest.raises(ValueError, match="将来展望のシナリオ「若者定着」がありません"):
        vision_document(data, outlook=VisionOutlook("若者定着"))
    with pytest.raises(ValueError, match="目標年 2070"):
        vision_document(data, outlook=VisionOutlook("基準推計", PopulationTarget(1, 2070)))


def test_scenario_words_for_relative_tfr_and_converging_migration() -> None:
    scenario = Scenario("x", tfr=TfrPath(((2060, 0.1),)), migration_variant="converging",
                        convergence_year=2040)
    assert scenario_words(scenario, 1.48) == (
        "合計特殊出生率を令和42(2060)年までに0.10ポイント引き上げ(1.58)、"
        "純移動率が令和22(2040)年までに50%に縮小する。"
    )
