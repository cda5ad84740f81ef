"""A whole strategy in one workbook: 事業一覧, 数値目標 and project sheets, read back equal."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sousei.io.errors import WorkbookError
from sousei.io.strategy.progress import read_progress_workbook
from sousei.io.strategy.strategy_book import (
    read_stamp,
    read_strategy_workbook,
    write_strategy_workbook,
)
from sousei.strategy import Budget, Role
from sousei.testing import assert_strategies_equal
from tests.io.strategy.kama_fixture import build_kama_workbook

# 久留米広域連携中枢都市圏ビジョンの推進事業, as printed in kurume-partnership-projects.txt
PURPOSE = ("本ビジョンの推進体制として、4市2町の首長による推進協議会を設置するとともに、産学官民による"
           "久留米広域連携中枢都市圏ビジョン懇談会を設置し、意見を聴取し反映する。")
ROLES = (Role("久留米市", "推進体制の整備・運営及び連携中枢都市圏ビジョンの推進"),
         Role("連携市町", "推進体制への参加及び久留米市との連携・協力による連携中枢都市圏ビジョンの推進"))
PARTNERS = ("久留米市", "大川市", "小郡市", "うきは市", "大刀洗町", "大木町")
BUDGETS = (Budget(2022, 745.0), Budget(2023, 645.0), Budget(2024, None), Budget(2025, None))


def _with_details(tmp_path: Path):
    strategy = read_progress_workbook(build_kama_workbook(tmp_path / "kama.xlsx")).strategy
    goal = strategy.goals[3]
    measure = goal.measures[3]
    project = replace(measure.projects[0], purpose=PURPOSE, roles=ROLES, partners=PARTNERS,
                      budgets=BUDGETS, departments=("総合政策課",))
    goals = list(strategy.goals)
    measures = list(goal.measures)
    measures[3] = replace(measure, projects=(project,))
    goals[3] = replace(goal, measures=tuple(measures))
    return replace(strategy, goals=tuple(goals))


def test_project_sheets_travel_with_the_progress_table(tmp_path: Path) -> None:
    strategy = _with_details(tmp_path)
    path = write_strategy_workbook(strategy, tmp_path / "out.xlsx", stamp="abc123")
    assert load_workbook(path).sheetnames == ["事業一覧", "数値目標", "事業1", "_sousei"]
    assert read_stamp(path) == "abc123"
    assert_strategies_equal(read_strategy_workbook(path).strategy, strategy)


def test_a_project_sheet_for_an_unknown_project_is_named(tmp_path: Path) -> None:
    path = write_strategy_workbook(_with_details(tmp_path), tmp_path / "out.xlsx")
    book = load_workbook(path)
    book["事業1"]["A1"] = "○存在しない事業"
    book.save(path)
    with pytest.raises(WorkbookError, match="シート「事業1」1行目 A列: 事業一覧にない事業です"):
        read_strategy_workbook(path)
