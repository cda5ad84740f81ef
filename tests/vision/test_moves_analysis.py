"""Ranked moves by counterpart on the constructed 久留米市 file, figures checked by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sousei.io.flows.moves import read_moves_file
from sousei.vision.moves import Flow, moves_frame, rank_flows, summarise_moves

DATA = Path(__file__).resolve().parents[1] / "data" / "moves_kurume_constructed.csv"


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return read_moves_file(DATA)


def test_latest_year_ranked_net_in_and_net_out(frame: pd.DataFrame) -> None:
    summary = summarise_moves(frame)
    assert summary.year == 2023
    # Net = in - out per prefecture-level row: 国外 350-120 = 230, 福岡県 5000-4800 = 200,
    # 佐賀県 600-450 = 150, 熊本県 500-420 = 80; 東京都 400-700 = △300, 神奈川県 150-250 = △100,
    # 大阪府 200-230 = △30. 福岡市 and 大牟田市 are 福岡県's breakdown, not counted again.
    assert [(r.rank, r.flow.name, r.flow.net) for r in summary.net_in] == [
        (1, "国外", 230), (2, "福岡県", 200), (3, "佐賀県", 150), (4, "熊本県", 80)]
    assert [(r.rank, r.flow.name, r.flow.net) for r in summary.net_out] == [
        (1, "東京都", -300), (2, "神奈川県", -100), (3, "大阪府", -30)]
    # Shares of all moves of the year (総数 7,220 in, 7,000 out): 東京都 400/7220, 700/7000.
    tokyo = summary.net_out[0]
    assert tokyo.in_share == pytest.approx(5.540, abs=1e-3)
    assert tokyo.out_share == pytest.approx(10.0)
    assert [(r.flow.name, r.flow.net) for r in summary.municipal_net_in] == [("大牟田市", 100)]
    assert [(r.flow.name, r.flow.net) for r in summary.municipal_net_out] == [("福岡市", -300)]


def test_totals_reconcile_given_and_computed(frame: pd.DataFrame) -> None:
    summary = summarise_moves(frame, 2023)
    assert (summary.total.in_moves, summary.total.out_moves, summary.total_given) == (
        7220, 7000, True)
    # The given total equals the counterparts plus その他 (20 in, 30 out).
    rows = [*summary.prefectures, summary.other]
    assert sum(f.in_moves for f in rows) == 7220 and sum(f.out_moves for f in rows) == 7000
    # 2022 has no 総数 row: 4900 + 380 + 300 = 5,580 in, 4700 + 650 + 100 = 5,450 out.
    earlier = summarise_moves(frame, 2022)
    assert (earlier.total.in_moves, earlier.total.out_moves, earlier.total_given) == (
        5580, 5450, False)
    assert earlier.other is None


def test_metropolitan_areas(frame: pd.DataFrame) -> None:
    areas = {f.name: (f.in_moves, f.out_moves) for f in summarise_moves(frame).metropolitan}
    # 東京圏 = 東京都 (400, 700) + 神奈川県 (150, 250); 大阪圏 = 大阪府 (200, 230).
    assert areas == {"東京圏": (550, 950), "名古屋圏": (0, 0), "大阪圏": (200, 230),
                     "三大都市圏計": (750, 1180)}


def test_municipal_rows_without_their_prefecture_are_grouped_to_it() -> None:
    rows = [
        {"year": 2023, "area_code": "40203", "counterpart": "40130", "counterpart_name": "福岡市",
         "level": "municipality", "in_moves": 100, "out_moves": 150},
        {"year": 2023, "area_code": "40203", "counterpart": "40202",
         "counterpart_name": "大牟田市", "level": "municipality", "in_moves": 40, "out_moves": 10},
        {"year": 2023, "area_code": "40203", "counterpart": "13000", "counterpart_name": "東京都",
         "level": "prefecture", "in_moves": 5, "out_moves": 9},
    ]
    summary = summarise_moves(moves_frame(rows))
    assert [(f.name, f.in_moves, f.out_moves) for f in summary.prefectures] == [
        ("東京都", 5, 9), ("福岡県", 140, 160)]
    assert (summary.total.in_moves, summary.total.out_moves) == (145, 169)


flows = st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), min_size=0, max_size=30)


@given(flows, st.integers(1, 12))
@settings(max_examples=60, deadline=None)
def test_ranking_invariants(pairs: list[tuple[int, int]], top: int) -> None:
    items = [Flow(f"{i + 1:02d}000", f"P{i}", a, b) for i, (a, b) in enumerate(pairs)]
    total = Flow("total", "総数", sum(a for a, _ in pairs), sum(b for _, b in pairs))
    gains, losses = rank_flows(items, total, top)
    assert [r.rank for r in gains] == list(range(1, len(gains) + 1))
    assert all(r.flow.net > 0 for r in gains) and all(r.flow.net < 0 for r in losses)
    assert [r.flow.net for r in gains] == sorted((r.flow.net for r in gains), reverse=True)
    assert [r.flow.net for r in losses] == sorted(r.flow.net for r in losses)
    assert len(gains) == min(top, sum(a > b for a, b in pairs))
    assert len(losses) == min(top, sum(a < b for a, b in pairs))
    if len(gains) < top and len(losses) < top:  # nothing cut: the nets add up to the total
        assert sum(r.flow.net for r in gains + losses) == total.net
