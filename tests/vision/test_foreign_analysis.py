"""Foreign residents ranked by nationality and residence status, figures checked by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sousei.io.errors import InputError
from sousei.io.flows.foreign_residents import read_foreign_residents, read_foreign_residents_file
from sousei.vision.foreign import foreign_frame, status_family, summarise_foreign, trend

DATA = Path(__file__).resolve().parents[1] / "data" / "foreign_kurume_constructed.csv"


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return read_foreign_residents_file(DATA)


def test_by_nationality_with_shares_and_change(frame: pd.DataFrame) -> None:
    summary = summarise_foreign(frame)
    assert (summary.year, summary.total, summary.previous_year, summary.total_change) == (
        2023, 3000, 2022, 200)
    # Shares of 3,000; change against 2022 (800, 620, 380, 200, 260, 540). その他 comes last
    # although 550 is the second largest.
    assert [(g.name, g.persons, round(g.share, 1), g.change) for g in summary.nationalities] == [
        ("ベトナム", 900, 30.0, 100), ("中国", 600, 20.0, -20), ("フィリピン", 400, 13.3, 20),
        ("ネパール", 300, 10.0, 100), ("韓国", 250, 8.3, -10), ("その他", 550, 18.3, 10)]


def test_by_residence_status_grouped_into_statuses(frame: pd.DataFrame) -> None:
    statuses = summarise_foreign(frame).statuses
    # 技能実習 = 1号ロ 300 + 2号ロ 450 = 750, ahead of 永住者 700; 特定技能1号 -> 特定技能.
    # 2022 has no table by status, so there is no change to show.
    assert [(g.name, g.persons, round(g.share, 1), g.change) for g in statuses] == [
        ("技能実習", 750, 25.0, None), ("永住者", 700, 23.3, None), ("留学", 500, 16.7, None),
        ("特定技能", 350, 11.7, None), ("家族滞在", 200, 6.7, None),
        ("特別永住者", 150, 5.0, None), ("その他", 350, 11.7, None)]
    assert sum(g.persons for g in statuses) == 3000


def test_earlier_year_and_cross_tables() -> None:
    rows = [
        {"year": 2024, "area_code": "40203", "nationality": "ベトナム",
         "residence_status": "技能実習2号ロ", "persons": 120},
        {"year": 2024, "area_code": "40203", "nationality": "ベトナム",
         "residence_status": "留学", "persons": 30},
        {"year": 2024, "area_code": "40203", "nationality": "中国",
         "residence_status": "留学", "persons": 45},
    ]
    summary = summarise_foreign(foreign_frame(rows))
    # No 総数 rows: the total is the sum by nationality, 150 + 45.
    assert summary.total == 195 and summary.previous_year is None
    assert [(g.name, g.persons) for g in summary.nationalities] == [("ベトナム", 150), ("中国", 45)]
    assert [(g.name, g.persons) for g in summary.statuses] == [("技能実習", 120), ("留学", 75)]


@pytest.mark.parametrize(("status", "family"), [
    ("技能実習1号ロ", "技能実習"), ("特定技能2号", "特定技能"), ("高度専門職1号イ", "高度専門職"),
    ("永住者", "永住者"), ("技術・人文知識・国際業務", "技術・人文知識・国際業務")])
def test_status_family(status: str, family: str) -> None:
    assert status_family(status) == family


def test_trend_over_the_uploaded_years(frame: pd.DataFrame) -> None:
    nationalities = trend(frame, "nationality")
    assert nationalities.years == (2022, 2023)
    assert nationalities.rows[:2] == (("ベトナム", (800, 900)), ("中国", (620, 600)))
    assert nationalities.rows[-1] == ("その他", (540, 550))
    # Statuses exist for 2023 only: one column.
    assert trend(frame, "residence_status").years == (2023,)


names = st.lists(st.sampled_from(["ベトナム", "中国", "韓国", "フィリピン", "ネパール", "ブラジル",
                                  "その他"]), unique=True, min_size=1, max_size=7)


@given(names, st.data())
@settings(max_examples=40, deadline=None)
def test_read_and_rank_invariants(nationalities: list[str], data: st.DataObject) -> None:
    counts = [data.draw(st.integers(0, 5000)) for _ in nationalities]
    lines = ["year,area_code,nationality,residence_status,persons",
             f"2024,40203,総数,総数,{sum(counts)}"]
    lines += [f"2024,40203,{n},総数,{c}" for n, c in zip(nationalities, counts, strict=True)]
    frame = read_foreign_residents("\n".join(lines).encode("utf-8"), "p.csv")
    groups = summarise_foreign(frame).nationalities
    assert sorted(g.persons for g in groups) == sorted(counts)
    named = [g.persons for g in groups if g.name != "その他"]
    assert named == sorted(named, reverse=True)
    if "その他" in nationalities:
        assert groups[-1].name == "その他"
    if sum(counts):
        assert sum(g.share for g in groups) == pytest.approx(100.0)
    wrong = [*lines[:1], f"2024,40203,総数,総数,{sum(counts) + 1}", *lines[2:]]
    with pytest.raises(InputError):
        read_foreign_residents("\n".join(wrong).encode("utf-8"), "p.csv")
