"""Grade tones follow the scheme's rank of a grade; a goal's bar spans all its KPIs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sousei.strategy.grading import get_scheme
from sousei.web.strategies.grade_display import grade_segments, grade_tone


def test_tones_of_the_built_in_schemes() -> None:
    standard = get_scheme("standard").symbols
    assert [grade_tone(s, standard) for s in standard] == ["good", "mid", "bad"]
    five = ("A", "B", "C", "D", "E")
    assert [grade_tone(s, five) for s in five] == ["good", "good", "mid", "mid", "bad"]
    assert grade_tone(None, standard) == grade_tone("?", standard) == "none"


def test_segments_of_the_fixture_goal() -> None:
    """One △ and one pending KPI: two halves, in the scheme's order, pending last."""
    symbols = get_scheme("standard").symbols
    summary = {"grades": {"○": 0, "△": 1, "×": 0}, "pending": 1, "kpi_count": 2}
    assert grade_segments(summary, symbols) == [
        {"symbol": "△", "count": 1, "percent": 50.0, "tone": "mid"},
        {"symbol": "評価待ち", "count": 1, "percent": 50.0, "tone": "none"},
    ]


@given(st.lists(st.integers(0, 50), min_size=4, max_size=4))
def test_segments_span_the_whole_bar(counts: list[int]) -> None:
    symbols = get_scheme("standard").symbols
    summary = {"grades": dict(zip(symbols, counts[:3], strict=True)), "pending": counts[3]}
    segments = grade_segments(summary, symbols)
    if sum(counts) == 0:
        assert segments == []
    else:
        assert abs(sum(s["percent"] for s in segments) - 100) < 0.01
        assert all(s["count"] > 0 for s in segments)
        assert sum(s["count"] for s in segments) == sum(counts)
