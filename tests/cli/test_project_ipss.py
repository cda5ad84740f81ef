"""`sousei project` shows IPSS 2018 and 2023 beside the scenarios, in the terminal and the workbook."""

from __future__ import annotations

from openpyxl import load_workbook
from typer.testing import CliRunner

from sousei.cli import app

runner = CliRunner()


def test_one_area_prints_both_ipss_editions(tmp_path) -> None:
    out = tmp_path / "kurume.xlsx"
    result = runner.invoke(app, ["project", "--area", "40203", "--to", "2050", "--out", str(out)])
    assert result.exit_code == 0, result.output
    ipss = result.output.split("社人研推計 久留米市(40203)", 1)[1]
    assert "社人研推計(平成30年推計)" in ipss and "社人研推計(令和5年推計)" in ipss
    assert "299,292" in ipss and "260,912" in ipss and "88,556" in ipss  # IPSS 2023
    assert "279,310" in ipss  # IPSS 2018, 2045
    sheet = load_workbook(out)["社人研推計 久留米市(40203)"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("推計", "指標", 2015, 2020, 2025, 2030, 2035, 2040, 2045, 2050)
    assert rows[5][:5] == ("社人研推計(令和5年推計)", "総人口", None, None, 299_292)
    assert rows[1][-1] is None  # IPSS 2018 ends in 2045: an empty cell, not a zero


def test_the_sum_of_a_partnership_gets_the_summed_ipss() -> None:
    result = runner.invoke(app, ["project", "--area", "40203", "--area", "40212", "--sum"])
    assert result.exit_code == 0, result.output
    ipss = result.output.split("社人研推計 合計(2地域)", 1)[1]
    assert "329,952" in ipss  # 2025: 久留米市 299,292 + 大川市 30,660
    assert "339,390" in ipss  # 2015: 304,552 + 34,838


def test_fukushima_hamadori_town_has_no_ipss_table() -> None:
    result = runner.invoke(app, ["project", "--area", "07545", "--to", "2030"])
    assert result.exit_code == 0, result.output
    assert "社人研推計" not in result.output
