"""The fixture evaluated as of 令和9年度: grades checked by hand (rates in the comments)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sousei.io.strategy.progress import read_progress_workbook
from sousei.strategy import evaluate_strategy, get_scheme

# KPI -> grade under the 3-level scheme as of FY2027; None = pending (not in the shares).
EXPECTED = {
    "起業支援による創業者数": "△",  # (8+9+6)/40 = 57.5%
    "店舗改装件数": "○",  # (7+10+12)/35 = 82.9%
    "スマート農業導入件数": "△",  # (4+5)/20 = 45%, the "—" year adds nothing
    "特産品開発件数": None,  # latest year 集計中
    "分譲地整備区画数": "○",  # stock: 41/50 = 82%
    "交付金活用者数": "△",  # explicit comparison value 95/190 = 50%
    "年間観光入込客数": "○",  # 250,000/260,000 = 96.2%
    "返礼品の登録数": "○",  # at least: 110/120 = 91.7%
    "地域の社会資源の調査": "×",  # 未実施
    "通学等補助金交付者数": "○",  # 590/600 = 98.3%
    "全国学力調査の平均正答率": "○",  # recorded judgement
    "合計特殊出生率": None,  # 人口動態統計公表後、記入予定
    "市バス年間利用者数": "○",  # target year R9: 121,500/150,000 = 81%
    "交通事故発生件数": "△",  # decrease: 60/90 = 66.7%
    "刑法犯認知件数": "○",  # at most: 200/210 = 95.2%
    "社会増減数": "○",  # negative target, progress (−298+1305)/(−200+1305) = 91.1%
}


def test_every_kpi_grade(progress_workbook: Path) -> None:
    strategy = read_progress_workbook(progress_workbook).strategy
    result = evaluate_strategy(strategy, get_scheme("standard"))
    assert result.as_of == 2027
    grades = {ev.kpi.name: ev.grade for _, evs in result.by_goal for ev in evs}
    assert grades == EXPECTED
    rates = {ev.kpi.name: ev.rate for _, evs in result.by_goal for ev in evs}
    assert rates["起業支援による創業者数"] == pytest.approx(57.5)
    assert rates["社会増減数"] == pytest.approx(1007 / 1105 * 100)
    assert rates["交通事故発生件数"] == pytest.approx(200 / 3)


def test_summary_per_goal_and_total(progress_workbook: Path) -> None:
    strategy = read_progress_workbook(progress_workbook).strategy
    summary = evaluate_strategy(strategy, get_scheme("standard")).as_dict()
    goals = [(g["kpi_count"], g["grades"], g["pending"], g["shares"]) for g in summary["goals"]]
    assert goals == [
        (4, {"○": 1, "△": 2, "×": 0}, 1, {"○": 33, "△": 67, "×": 0}),
        (4, {"○": 3, "△": 1, "×": 0}, 0, {"○": 75, "△": 25, "×": 0}),
        (4, {"○": 2, "△": 0, "×": 1}, 1, {"○": 67, "△": 0, "×": 33}),
        (4, {"○": 3, "△": 1, "×": 0}, 0, {"○": 75, "△": 25, "×": 0}),
    ]
    total = summary["total"]
    assert (total["kpi_count"], total["grades"], total["pending"]) == (
        16,
        {"○": 9, "△": 4, "×": 1},
        2,
    )
    assert total["shares"] == {"○": 64, "△": 29, "×": 7}  # of 14: 64.3, 28.6, 7.1


def test_prorated_scheme_judges_mid_plan_against_interim_targets(progress_workbook: Path) -> None:
    strategy = read_progress_workbook(progress_workbook).strategy
    result = evaluate_strategy(strategy, get_scheme("standard-prorated"))
    grades = {ev.kpi.name: ev.grade for _, evs in result.by_goal for ev in evs}
    # 23/24 = 95.8%, 9/12 = 75%, 95/114 = 83.3%, level 250,000 / 252,000 = 99.2%
    assert grades["起業支援による創業者数"] == "○"
    assert grades["スマート農業導入件数"] == "△"
    assert grades["交付金活用者数"] == "○"
    assert grades["年間観光入込客数"] == "○"
    assert result.total.counts == {"○": 11, "△": 2, "×": 1}
    assert result.total.shares == {"○": 79, "△": 14, "×": 7}


def test_grades_already_printed_in_the_sheet_are_checked(tmp_path: Path) -> None:
    from tests.io.strategy.progress_fixture import ROWS, build_progress_workbook

    rows = [list(r) for r in ROWS]
    rows[0][14] = "○"  # 起業支援による創業者数: printed ○, computed △ (57.5%)
    rows[1][14] = "○"  # 店舗改装件数: printed ○, computed ○
    imported = read_progress_workbook(build_progress_workbook(tmp_path / "p.xlsx", rows))
    assert [p.grade for p in imported.published] == ["○", "○"]
    result = evaluate_strategy(imported.strategy, get_scheme("standard"))
    (difference,) = imported.grade_differences(result)
    assert difference.startswith("4行目「起業支援による創業者数」: 表の評価 ○ / 算定 △")
