"""Cells as people write them: year tags, bracketed notes, dashes, full-width digits, units."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sousei.io.strategy.annotations import DASH_CHARS, split_annotations
from sousei.io.strategy.cells import actual_text, read_actual
from sousei.japanese import NumberError, format_era_short
from sousei.strategy import Actual, ActualState


@pytest.mark.parametrize(
    ("text", "unit", "value", "note", "observed"),
    [
        ("108万人(H31)", "人", 1_080_000, "", 2019),  # an H31 figure in the R2 column
        ("24万人（R1）", "人", 240_000, "", 2019),
        ("2.5(2019年)", "", 2.5, "", 2019),
        ("60件(実績値)", "件", 60, "実績値", None),
        ("８件", "件", 8, "", None),
        ("▲1,305人", "人", -1305, "", None),
        ("△380", "人", -380, "", None),
        ("19.9万人(R1)(速報値)", "人", 199_000, "速報値", 2019),
        ("3件(うち1件中止)", "件", 3, "うち1件中止", None),
        ("5件※速報値", "件", 5, "※速報値", None),
        ("745千円", "千円", 745, "", None),
    ],
)
def test_a_figure_keeps_its_value_note_and_year(text, unit, value, note, observed) -> None:
    readings: list[str] = []
    actual = read_actual(text, 2020, unit, qualitative=False, readings=readings)
    assert actual == Actual(2020, ActualState.NUMBER, float(value), note, observed)
    if observed or note or text != text.strip() or "万" in text or "８" in text or "▲" in text:
        assert readings and readings[0].startswith(f"「{text}」→ ")


@pytest.mark.parametrize("dash", ["—", "―", "－", "-", "ー", "‐", "–", "─", "--", "ｰ", "− −"])
def test_every_dash_is_not_obtainable(dash: str) -> None:
    actual = read_actual(dash, 2025, "件", qualitative=False)
    assert actual == Actual(2025, ActualState.NOT_OBTAINABLE)


def test_a_later_year_in_an_earlier_column_is_refused() -> None:
    with pytest.raises(NumberError, match="令和8年度の値が令和7年度の列"):
        read_actual("5件(R8)", 2025, "件", qualitative=False)


def test_another_unit_is_refused_even_with_a_note() -> None:
    with pytest.raises(NumberError, match="単位"):
        read_actual("5区画(実績値)", 2025, "件", qualitative=False)


def test_a_two_part_worded_result_is_recorded_for_a_qualitative_kpi() -> None:
    text = "小学校:平均△2.0 中学校:平均△5.0"
    with pytest.raises(NumberError):
        read_actual(text, 2025, "", qualitative=False)
    assert read_actual(text, 2025, "", qualitative=True) == Actual(
        2025, ActualState.RECORDED, note=text
    )


def test_annotations_alone_are_not_taken_off() -> None:
    assert split_annotations("(未実施)").body == "(未実施)"
    assert split_annotations("※検討中").body == "※検討中"


@given(st.text(max_size=30), st.booleans())
def test_any_text_is_read_or_refused_with_a_number_error(text: str, qualitative: bool) -> None:
    readings: list[str] = []
    try:
        actual = read_actual(text, 2025, "件", qualitative, readings)
    except NumberError as exc:
        assert str(exc)  # a message to show, never an empty refusal
        return
    assert actual is None or actual.fiscal_year == 2025
    assert all(line.startswith("「") for line in readings)


@given(st.text(alphabet=[*sorted(DASH_CHARS), " ", "\u3000"], min_size=1, max_size=5))
def test_dashes_of_any_width_and_count_are_one_state(text: str) -> None:
    actual = read_actual(text, 2025, "件", qualitative=False)
    assert actual is None or actual.state is ActualState.NOT_OBTAINABLE


figures = st.integers(-10**7, 10**7).map(float) | st.decimals(
    -10**4, 10**4, places=2, allow_nan=False, allow_infinity=False
).map(float)
notes = st.sampled_from(["", "実績値", "速報値", "見込み", "R7.12末時点"])


@given(figures, notes, st.none() | st.integers(2015, 2025), st.sampled_from(["件", "人", "%"]))
def test_what_the_writer_prints_reads_back_the_same(value, note, observed, unit) -> None:
    actual = Actual(2025, ActualState.NUMBER, value, note,
                    None if observed == 2025 else observed)
    assert read_actual(actual_text(actual, unit), 2025, unit, qualitative=False) == actual


@given(figures, st.integers(2015, 2025))
def test_a_year_tag_in_era_or_western_form_names_the_same_year(value, year) -> None:
    western = read_actual(f"{value}({year}年)", 2025, "", qualitative=False)
    era = read_actual(f"{value}({format_era_short(year)})", 2025, "", qualitative=False)
    assert western == era
    assert western is not None and western.value == value


def test_a_year_column_before_meiji_is_refused_by_name() -> None:
    """A fuzz case: a header read as 0年度 and a later year in the cell gave an EraError."""
    from sousei.io.strategy.cells import read_actual
    from sousei.japanese import NumberError

    with pytest.raises(NumberError, match="0年度の列"):
        read_actual("5件(2020年度)", 0, "件", qualitative=False)
