"""Partnership project sheets, modelled on published 連携中枢都市圏 plans (fictional content)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from sousei.io.errors import WorkbookError
from sousei.io.strategy.project_sheet import read_project_sheets, write_project_sheets
from sousei.strategy import Budget, Role

PARTNERS = "みらい市、かわべ市、やまて市、おか町、はらの町"


def _build(path: Path, budget_cell: object = "2,400千円") -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "物産展"
    rows = [
        ["③物産展への出展事業"],
        ["事業の 目的と概要", None, "大都市圏で圏域の地場産品を共同で販売し、通信販売へ誘導する。"],
        ["役割 分担", "みらい市", "出展の総括と調整"],
        [None, "連携市町", "出展品の調整"],
        ["関係市町", None, PARTNERS],
        ["事業費※ (各年度予算額)", "R4", "R5", "R6", "R7"],
        [None, budget_cell, "2,450千円", None, None],
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("C2:E2")
    ws.merge_cells("A3:A4")
    second = book.create_sheet("就農")
    for row in [
        ["④新規就農支援事業"],
        ["事業の目的と概要", "若い農業者の研修会と情報交換を圏域で行う。"],
        ["役割分担", "みらい市", "研修会の企画と実施"],
        [None, "連携市町", "研修会の周知"],
        ["関係市町", "みらい市、かわべ市"],
        ["担当課", "農政課"],
        ["事業費 (各年度予算額)", "令和4年度", "令和5年度"],
        [None, 0, 0],
    ]:
        second.append(row)
    book.save(path)
    return path


def test_read_project_sheets(tmp_path: Path) -> None:
    fair, farming = read_project_sheets(_build(tmp_path / "projects.xlsx"))
    assert fair.name == "③物産展への出展事業"
    assert fair.purpose.startswith("大都市圏で")
    assert fair.roles == (Role("みらい市", "出展の総括と調整"), Role("連携市町", "出展品の調整"))
    assert fair.partners == tuple(PARTNERS.split("、"))
    assert fair.budgets == (
        Budget(2022, 2400),
        Budget(2023, 2450),
        Budget(2024, None),
        Budget(2025, None),
    )
    assert farming.departments == ("農政課",)
    assert farming.budgets == (Budget(2022, 0), Budget(2023, 0))


def test_write_read_round_trip(tmp_path: Path) -> None:
    projects = read_project_sheets(_build(tmp_path / "projects.xlsx"))
    out = write_project_sheets(projects, tmp_path / "copy.xlsx")
    assert read_project_sheets(out) == projects


def test_bad_budget_cell_is_located(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError) as caught:
        read_project_sheets(_build(tmp_path / "bad.xlsx", budget_cell="2,400円"))
    (problem,) = caught.value.problems
    assert str(problem) == (
        "シート「物産展」7行目 B列「事業費」: 単位「円」はこのKPIの単位「千円」と一致しません"
    )
