"""Numbers are printed by the kind of quantity, never by words in a name: a scenario named
with 率 keeps its populations in persons, on screen and in the workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from sousei.cli import app
from sousei.japanese import EXCEL_FORMATS, Quantity, format_quantity

runner = CliRunner()
RATE_NAMED = 'name = "出生率向上"\n[tfr]\nchange = 0.1\nby = 2060\n'


def _summary_row(output: str, name: str) -> list[str]:
    line = next(line for line in output.splitlines() if name in line and "│" in line)
    return [cell.strip() for cell in line.split("│") if cell.strip()]


def test_sum_with_a_rate_named_scenario_prints_persons(tmp_path: Path) -> None:
    scenario = tmp_path / "tfr.toml"
    scenario.write_text(RATE_NAMED, encoding="utf-8")
    result = runner.invoke(app, ["project", "--area", "久留米市", "--area", "大川市",
                                 "-s", str(scenario), "--sum"])
    assert result.exit_code == 0, result.output
    cells = _summary_row(result.output, "久留米市")
    # 地域コード, 地域名, 2015 total, 2060 baseline, 2060 出生率向上, change, ageing rate
    assert cells[2] == "304,552"  # the 2015 census
    assert not cells[4].endswith("%") and cells[4].replace(",", "").isdigit()
    assert cells[5].endswith("%") and cells[6].endswith("%")


def test_the_workbook_formats_every_numeric_cell(tmp_path: Path) -> None:
    scenario = tmp_path / "tfr.toml"
    scenario.write_text(RATE_NAMED, encoding="utf-8")
    out = tmp_path / "kurume.xlsx"
    result = runner.invoke(app, ["project", "--area", "久留米市", "--area", "大川市", "-s",
                                 str(scenario), "--out", str(out)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    listing = book["一覧"]
    header = [c.value for c in listing[1]]
    formats = {h: listing.cell(row=2, column=i + 1).number_format for i, h in enumerate(header)}
    assert formats["2060年 総人口 (出生率向上)"] == EXCEL_FORMATS[Quantity.PERSONS]
    assert formats["増減率 (基準推計)"] == EXCEL_FORMATS[Quantity.RATIO]
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, int | float):
                    assert cell.number_format != "General", (sheet.title, cell.coordinate)
    cells = book["人口(男女・5歳階級)"]
    assert cells["G2"].number_format == '#,##0.0;"△"#,##0.0'


@pytest.mark.parametrize(("value", "kind", "text"), [
    (24_632_227.6, Quantity.PERSONS, "24,632,228"),
    (0.287, Quantity.RATIO, "28.7%"),
    (-0.0512, Quantity.RATIO, "△5.1%"),
    (1.575, Quantity.TFR, "1.58"),
    (2400, Quantity.THOUSAND_YEN, "2,400千円"),
    (2025, Quantity.YEAR, "2025"),
    ("40203", Quantity.TEXT, "40203"),
])
def test_each_kind_prints_as_the_published_tables(value, kind, text) -> None:
    assert format_quantity(value, kind) == text


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_persons_never_print_as_a_share(value: float) -> None:
    assert "%" not in format_quantity(value, Quantity.PERSONS)
