"""Header wording as published tables print it (see the 事業一覧 example in ../shared/docs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from sousei.io.strategy.progress import read_progress_workbook
from sousei.io.strategy.progress_layout import Col, classify, plan_period


@pytest.mark.parametrize(
    ("header", "col"),
    [
        ("○○市の基本目標", Col.GOAL),
        ("主な施策", Col.MEASURE),
        ("具体的な事業", Col.PROJECT),
        ("具体的な取組み", Col.PROJECT),
        ("重要業績評価指標 (KPI)", Col.KPI),
        ("重要業績評価指標（ＫＰＩ）", Col.KPI),
        ("基準値 (R5)", Col.BASELINE),
        ("実績値 (目標値比較)", Col.COMPARISON),
        ("目標値 (R11まで)", Col.TARGET),
        ("担当課", Col.DEPARTMENT),
        ("総合評価", Col.GRADE),
        ("基本的方向", Col.DIRECTION_GROUP),
        ("達成率", Col.OUTPUT),
        ("R7/実績値 (令和8年1月末時点にて把握している数値を記載)", None),
    ],
)
def test_classify(header: str, col: Col | None) -> None:
    assert classify(header) is col


def test_plan_period_from_the_title() -> None:
    title = "■○○市の取組【事業一覧】※総合戦略（期間：令和７年度～令和11年度）"
    assert plan_period(title) == (2025, 2029)
    assert plan_period("事業一覧") is None


def test_a_first_year_table_with_published_wording(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.append(["■○○市の取組【事業一覧】（期間：令和7年度～令和11年度）"])
    ws.append(["○○市の基本目標", "主な施策", "具体的な事業", "重要業績評価指標 (KPI)",
               "基準値 (R5)", "R7/実績値 (令和8年1月末時点にて把握している数値を記載)",
               "R8/実績値", "R9/実績値", "R10/実績値", "R11/実績値", "実績値 (目標値比較)",
               "目標値 (R11まで)", "担当課", None])
    ws.append(["(1) 安心して暮らせるまち", "○防災対策の充実", "○自主防災組織支援事業",
               "自主防災組織カバー世帯率", "31.25%", "34.96%", None, None, None, None, None,
               "100.00%", "防災対策課"])
    ws.append([None, "○観光の振興", "○観光まちづくり事業", "年間観光入込客数", "24万人(R5)",
               "19.9万人", None, None, None, None, None, "26万人", "産業振興課"])
    book.save(tmp_path / "first-year.xlsx")
    strategy = read_progress_workbook(tmp_path / "first-year.xlsx").strategy
    cover, visitors = strategy.kpis
    assert (cover.unit, cover.baseline, cover.actuals[0].value) == ("%", 31.25, 34.96)
    assert (cover.target.value, cover.target.fiscal_year) == (100, 2029)
    assert (visitors.baseline, visitors.baseline_year) == (240_000, 2023)
    assert strategy.name == "○○市の取組"  # the title without its ■ bullet


def test_the_strategy_is_named_from_the_title_not_the_file() -> None:
    from sousei.io.strategy.progress_layout import strategy_name

    kama = ("■嘉麻市まち・ひと・しごと創生（地方創生）の取組【事業一覧】※嘉麻市人口ビジョン・"
            "デジタル田園都市構想総合戦略（期間：令和7年度～令和11年度）")
    assert strategy_name(kama) == "嘉麻市人口ビジョン・デジタル田園都市構想総合戦略"
    assert strategy_name("みらい市総合戦略【事業一覧】(期間：令和7年度～令和11年度) "
                         "(令和10年1月末時点にて把握している数値)") == "みらい市総合戦略"
    assert strategy_name("") == ""
