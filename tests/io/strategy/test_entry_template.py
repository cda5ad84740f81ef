from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sousei.io.strategy.entry_template import write_entry_template
from sousei.io.strategy.progress import read_progress_workbook


def test_template_holds_only_the_departments_kpis(progress_workbook: Path, tmp_path: Path) -> None:
    strategy = read_progress_workbook(progress_workbook).strategy
    out = write_entry_template(strategy, "産業振興課", tmp_path / "sangyo.xlsx")
    ws = openpyxl.load_workbook(out)["実績値入力"]
    headers = [c.value for c in ws[4]]
    assert headers[6:11] == ["R7/実績値", "R8/実績値", "R9/実績値", "R10/実績値", "R11/実績値"]
    names = [r[3] for r in ws.iter_rows(min_row=5, values_only=True)]
    assert names == ["起業支援による創業者数", "店舗改装件数", "特産品開発件数", "年間観光入込客数"]
    (rule,) = ws.data_validations.dataValidation
    assert rule.type == "custom"
    assert str(rule.sqref) == "G5:K8"
    assert rule.formula1.startswith("OR(ISNUMBER(G5),")
    assert ws["H7"].value == 3 and ws["I7"].value == "集計中"  # actuals so far are kept


def test_a_filled_template_reads_back(progress_workbook: Path, tmp_path: Path) -> None:
    strategy = read_progress_workbook(progress_workbook).strategy
    out = write_entry_template(strategy, "防災対策課", tmp_path / "bousai.xlsx")
    book = openpyxl.load_workbook(out)
    book["実績値入力"]["J5"] = 84  # 交通事故発生件数, R10
    book.save(out)
    read = read_progress_workbook(out).strategy
    (accidents, crimes) = read.kpis
    assert [a.value for a in accidents.actuals] == [118, 96, 90, 84]
    assert crimes.target.text == "200件以下"
    assert (read.plan_start, read.plan_end) == (2025, 2029)


def test_unknown_department(progress_workbook: Path, tmp_path: Path) -> None:
    strategy = read_progress_workbook(progress_workbook).strategy
    with pytest.raises(ValueError, match="担当課「秘書課」のKPIがありません"):
        write_entry_template(strategy, "秘書課", tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
