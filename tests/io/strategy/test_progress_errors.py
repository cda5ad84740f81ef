"""A wrong cell is named by file, sheet, row and column, and nothing is imported."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from sousei.io.errors import WorkbookError
from sousei.io.strategy.progress import read_progress_workbook
from tests.io.strategy.progress_fixture import HEADERS, ROWS, build_progress_workbook


def _rows_with(changes: dict[tuple[int, int], object]) -> list[list[object]]:
    rows = copy.deepcopy(ROWS)
    for (r, c), value in changes.items():
        rows[r][c] = value
    return rows


def _problems(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        read_progress_workbook(path)
    assert "何も取り込んでいません" in str(caught.value)
    assert caught.value.file == path.name
    return [str(p) for p in caught.value.problems]


def test_text_in_a_number_column(tmp_path: Path) -> None:
    path = build_progress_workbook(tmp_path / "bad.xlsx", _rows_with({(1, 6): "たくさん"}))
    assert _problems(path) == [
        "シート「事業一覧」5行目 G列「令和8年度」: 実績値が数値として読めません"
        "(数値として読めません: 'たくさん')"
    ]


def test_unknown_fiscal_year_header(tmp_path: Path) -> None:
    headers = list(HEADERS)
    headers[6] = "令和X年度"
    path = build_progress_workbook(tmp_path / "bad.xlsx", headers=headers)
    assert _problems(path) == [
        "シート「事業一覧」3行目 G列「令和X年度」: 年度または項目として読めない列見出しです"
    ]


def test_kpi_without_a_target_and_every_problem_listed(tmp_path: Path) -> None:
    rows = _rows_with({(2, 11): None, (5, 7): "25人", (13, 5): "abc"})
    problems = _problems(build_progress_workbook(tmp_path / "bad.xlsx", rows))
    assert problems == [
        "シート「事業一覧」6行目 L列「目標値 (R11まで)」: 目標値がありません",
        "シート「事業一覧」9行目 H列「2027」: 実績値が数値として読めません"
        "(単位「人」はこのKPIの単位「件」と一致しません)",
        "シート「事業一覧」17行目 F列「R7/実績値」: 実績値が数値として読めません"
        "(数値として読めません: 'abc')",
    ]


def test_bad_direction_word_and_missing_file(tmp_path: Path) -> None:
    rows = _rows_with({(0, 12): "たぶん"})
    problems = _problems(build_progress_workbook(tmp_path / "bad.xlsx", rows))
    assert len(problems) == 1 and "M列「集計」" in problems[0] and "たぶん" in problems[0]
    with pytest.raises(WorkbookError, match="ファイルが見つかりません"):
        read_progress_workbook(tmp_path / "missing.xlsx")
