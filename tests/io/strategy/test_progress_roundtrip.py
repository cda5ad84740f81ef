"""read -> write -> read is lossless; the written workbook is checked by structure."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from sousei.io.strategy.progress import read_progress_workbook, write_progress_workbook
from sousei.strategy import evaluate_strategy, get_scheme
from sousei.testing import assert_strategies_equal


def test_read_write_read_is_lossless(progress_workbook: Path, tmp_path: Path) -> None:
    first = read_progress_workbook(progress_workbook).strategy
    out = write_progress_workbook(first, tmp_path / "copy.xlsx")
    again = read_progress_workbook(out)
    assert_strategies_equal(again.strategy, first)
    assert again.inferred == ()  # direction and aggregation are explicit columns now


def test_evaluated_workbook_reads_back_and_carries_grades(
    progress_workbook: Path, tmp_path: Path
) -> None:
    strategy = read_progress_workbook(progress_workbook).strategy
    evaluation = evaluate_strategy(strategy, get_scheme("standard"))
    out = write_progress_workbook(strategy, tmp_path / "evaluated.xlsx", evaluation)
    assert read_progress_workbook(out).strategy == strategy
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["事業一覧", "数値目標", "達成状況"]
    ws = book["事業一覧"]
    headers = [c.value for c in ws[3]]
    assert headers[-4:] == ["総合評価", "評価の理由", "達成率", "算定根拠"]
    assert "R9/実績値" in headers and "基準値(R5)" in headers
    kpi_col = headers.index("重要業績評価指標(KPI)")
    rows = {r[kpi_col]: r for r in ws.iter_rows(min_row=4, values_only=True) if r[kpi_col]}
    founders = rows["起業支援による創業者数"]
    assert founders[headers.index("総合評価")] == "△"
    assert founders[headers.index("達成率")] == 57.5
    assert "合計" in founders[headers.index("算定根拠")]
    assert rows["特産品開発件数"][headers.index("総合評価")] is None  # pending: blank
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A4:A7" in merged  # goal 1 over its four KPIs
    moves = next(
        r
        for r in range(4, ws.max_row + 1)
        if ws.cell(row=r, column=kpi_col + 1).value == "社会増減数"
    )
    cell = ws.cell(row=moves, column=headers.index("R7/実績値") + 1)
    assert cell.value == -380 and cell.number_format == '#,##0;"△"#,##0'


def test_summary_sheet_layout(progress_workbook: Path, tmp_path: Path) -> None:
    strategy = read_progress_workbook(progress_workbook).strategy
    evaluation = evaluate_strategy(strategy, get_scheme("standard"))
    out = write_progress_workbook(strategy, tmp_path / "evaluated.xlsx", evaluation)
    ws = openpyxl.load_workbook(out)["達成状況"]
    assert [c.value for c in ws[4]] == ["基本目標", "区分", "KPI設定数", "○", "△", "×", "評価待ち"]
    values = [list(r) for r in ws.iter_rows(min_row=5, max_row=14, values_only=True)]
    assert values[0][:7] == ["(1) 安定した雇用を生み出す", "件数", 4, 1, 2, 0, 1]
    assert values[1][1:6] == ["割合", None, "33%", "67%", "0%"]
    assert values[8][:7] == ["合計", "件数", 16, 9, 4, 1, 2]
    assert values[9][3:6] == ["64%", "29%", "7%"]
    texts = [c.value for c in ws["A"] if c.value]
    assert any("評価待ちを除いています" in t for t in texts)
    assert "社人研推計値" in [c.value for row in ws.iter_rows() for c in row]
