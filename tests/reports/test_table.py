"""The shared table model: Japanese display of each format, merges down a hierarchy."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sousei.reports.table import Cell, ReportTable, display, merge_down


def test_display_follows_the_printed_conventions() -> None:
    assert display(-1825.0, "count") == "△1,825"
    assert display(0.2866, "share") == "28.7%"
    assert display(57.5, "percent") == "57.5%"
    assert display(63, "percent0") == "63%"
    assert display(1.376, "ratio") == "1.38"
    assert display(None, "count") == "—"
    assert display(2025, "year") == "2025"


def test_merge_down_keeps_a_measure_inside_its_goal() -> None:
    rows = [[Cell("G1"), Cell("M")], [Cell("G1"), Cell("M")], [Cell("G2"), Cell("M")]]
    merge_down(rows, 1, keys=[("G1", "M"), ("G1", "M"), ("G2", "M")])
    merge_down(rows, 0)
    assert rows[0][0].rowspan == 2 and rows[1][0] is None and rows[2][0].rowspan == 1
    assert rows[0][1].rowspan == 2 and rows[2][1].rowspan == 1


@given(st.lists(st.sampled_from("ab"), min_size=1, max_size=12))
def test_merged_spans_cover_every_row_exactly_once(values: list[str]) -> None:
    rows = [[Cell(v)] for v in values]
    merge_down(rows, 0)
    covered = 0
    for r in rows:
        if r[0] is not None:
            covered += r[0].rowspan
    assert covered == len(values)
    ReportTable("t", "t", (), tuple(tuple(r) for r in rows))
