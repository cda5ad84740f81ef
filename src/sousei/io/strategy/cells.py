"""Cell values of strategy workbooks: numbers with units, states of an actual, enumerations.

The words users type for a missing value decide how a KPI is graded, so they are listed here
once: `—` (not obtainable), `未実施` (not carried out), `統計未公表` or `…公表後、記入予定`
(pending).
"""

from __future__ import annotations

import re
import unicodedata

from sousei.io.strategy.annotations import Annotated, is_dash, split_annotations
from sousei.japanese import (
    NumberError,
    format_era_short,
    format_fiscal_year,
    parse_fiscal_year,
    parse_number,
)
from sousei.japanese.era import EraError
from sousei.japanese.numbers import UNITS_KEEPING_PREFIX
from sousei.strategy import Actual, ActualState, Aggregation, Direction

DASHES = {"—", "―", "－", "-", "ー", "‐", "–", "─"}
NOT_OBTAINABLE_WORDS = ("把握が不可能", "把握不可", "取得不可", "算出不可")
NOT_CARRIED_OUT_WORDS = ("未実施", "事業終了", "事業廃止", "中止", "廃止")
PENDING_WORDS = ("公表後", "未公表", "記入予定", "集計中", "調査中")
DEFAULT_WORDING = {
    ActualState.NOT_OBTAINABLE: "—",
    ActualState.NOT_CARRIED_OUT: "未実施",
    ActualState.PENDING: "統計未公表",
}
DIRECTION_WORDS = {
    "高い方が良い": Direction.HIGHER,
    "増加": Direction.HIGHER,
    "上昇": Direction.HIGHER,
    "↑": Direction.HIGHER,
    "低い方が良い": Direction.LOWER,
    "減少": Direction.LOWER,
    "低下": Direction.LOWER,
    "↓": Direction.LOWER,
}
AGGREGATION_WORDS = {
    "フロー": Aggregation.FLOW,
    "単年度": Aggregation.FLOW,
    "ストック": Aggregation.STOCK,
    "累計値": Aggregation.STOCK,
    "水準": Aggregation.LEVEL,
    "レベル": Aggregation.LEVEL,
}
DIRECTION_LABELS = {Direction.HIGHER: "高い方が良い", Direction.LOWER: "低い方が良い"}
AGGREGATION_LABELS = {
    Aggregation.FLOW: "フロー",
    Aggregation.STOCK: "ストック",
    Aggregation.LEVEL: "水準",
}

_YEAR_IN_PARENS = re.compile(r"\(\s*([^()]*)\s*\)\s*$")


def cell_text(value: object) -> str:
    """A cell as stripped text ('' for empty), full-width spaces and line breaks folded.

    Characters are kept as typed (①, full-width letters): names are the user's; matching and
    number parsing normalise on their own.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def read_number(value: object, unit: str) -> float:
    """A number typed with or without its unit; a different unit is an error, not a guess."""
    parsed = parse_number(value if isinstance(value, int | float) else cell_text(value))
    if parsed.unit and unit and parsed.unit != unit:
        raise NumberError(f"単位「{parsed.unit}」はこのKPIの単位「{unit}」と一致しません")
    return parsed.value


def split_year(text: str) -> tuple[str, int | None]:
    """`24万人(R5)` -> ("24万人", 2023); text without a year in parentheses is returned as is."""
    text = unicodedata.normalize("NFKC", text)
    match = _YEAR_IN_PARENS.search(text)
    if not match:
        return text, None
    try:
        return text[: match.start()].strip(), parse_fiscal_year(match.group(1))
    except ValueError:
        return text, None


def _state_of(text: str) -> ActualState | None:
    """The state a worded cell names, or None for a figure."""
    if text in DASHES or is_dash(text) or any(w in text for w in NOT_OBTAINABLE_WORDS):
        return ActualState.NOT_OBTAINABLE
    if any(w in text for w in NOT_CARRIED_OUT_WORDS):
        return ActualState.NOT_CARRIED_OUT
    if any(w in text for w in PENDING_WORDS):
        return ActualState.PENDING
    return None


def read_actual(
    value: object,
    fiscal_year: int,
    unit: str,
    qualitative: bool,
    readings: list[str] | None = None,
) -> Actual | None:
    """One actual cell; None when empty (a future year). Raises NumberError on stray text.

    A figure with annotations (`108万人(H31)`, `60件(実績値)`, `８件`) keeps its value, its note
    and the year it is of; how the cell was read is appended to `readings` whenever it is not
    the plain figure, so the import can list every interpretation.
    """
    text = cell_text(value)
    if not text:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Actual(fiscal_year, ActualState.NUMBER, float(value))
    parts = split_annotations(text)
    actual = _figure(parts, fiscal_year, unit)
    if actual is None:
        state = _state_of(text)
        if state is not None:
            actual = Actual(fiscal_year, state, note=_note(text))
        elif qualitative:
            actual = Actual(fiscal_year, ActualState.RECORDED, note=text)
        else:
            read_number(parts.body, unit)  # raises the NumberError that says why
            raise NumberError(f"数値として読めません: {text!r}")
    if readings is not None and _worth_listing(text, parts, actual):
        readings.append(f"「{text}」→ {describe_actual(actual, unit)}")
    return actual


def _worth_listing(text: str, parts: Annotated, actual: Actual) -> bool:
    """Whether the cell was read as more than the plain figure or word it shows."""
    if actual.state is ActualState.RECORDED:
        return False  # kept as typed
    if actual.state is not ActualState.NUMBER:
        return text != DEFAULT_WORDING.get(actual.state)
    scaled = any(m in parts.body for m in "万千億") and not parts.body.endswith(
        UNITS_KEEPING_PREFIX
    )
    typed = unicodedata.normalize("NFKC", text) != text or "▲" in text
    return bool(parts.year or parts.notes or scaled or typed)


def _figure(parts: Annotated, fiscal_year: int, unit: str) -> Actual | None:
    """The number in an annotated cell, or None when its body is not a number."""
    try:
        number = read_number(parts.body, unit)
    except NumberError as exc:
        if "単位" in str(exc):
            raise
        return None
    if parts.year is not None and parts.year > fiscal_year:
        raise NumberError(
            f"{_year_label(parts.year)}の値が{_year_label(fiscal_year)}の列にあります"
            "(後の年度の値は前の年度の列に書けません)"
        )
    observed = parts.year if parts.year not in (None, fiscal_year) else None
    return Actual(fiscal_year, ActualState.NUMBER, number, parts.note, observed)


def _year_label(fiscal_year: int) -> str:
    """令和2(2020)年度; a year before 明治 (a mistyped header such as 0年度) as plain 0年度, so
    the refusal names it instead of failing on the era."""
    try:
        return format_fiscal_year(fiscal_year)
    except EraError:
        return f"{fiscal_year}年度"


def _note(text: str) -> str:
    """The wording to keep: nothing when it is the default word the writer would print."""
    if text in DASHES or is_dash(text) or text in DEFAULT_WORDING.values():
        return ""
    return text


STATE_LABELS = {
    ActualState.NOT_OBTAINABLE: "実績値の把握が不可能",
    ActualState.NOT_CARRIED_OUT: "事業未実施",
    ActualState.PENDING: "評価待ち(統計未公表)",
    ActualState.RECORDED: "数値でない実績(定性的な記録)",
}


def describe_actual(actual: Actual, unit: str = "") -> str:
    """How an actual was read, in words: `1,080,000人(平成31年度の値) 注記「速報値」`."""
    if actual.state is not ActualState.NUMBER:
        text = STATE_LABELS[actual.state]
    else:
        assert actual.value is not None
        text = f"{plain_number(actual.value)}{unit}"
        if actual.observed_year is not None:
            text += f"({format_fiscal_year(actual.observed_year)}の値)"
    if actual.note and actual.state is not ActualState.RECORDED:
        text += f" 注記「{actual.note}」"
    return text


def actual_text(actual: Actual, unit: str = "") -> str | float:
    """What a writer puts in the cell of an actual: its number, or its wording; a number with
    a note or an earlier year's figure is written as text so that reading it back keeps both."""
    if actual.state is ActualState.NUMBER:
        assert actual.value is not None
        if not actual.note and actual.observed_year is None:
            return actual.value
        text = plain_number(actual.value) + unit
        if actual.observed_year is not None:
            text += f"({format_era_short(actual.observed_year)})"
        return text + (f"({actual.note})" if actual.note else "")
    return actual.note or DEFAULT_WORDING.get(actual.state, "")


def read_choice(value: object, words: dict[str, object], what: str) -> object | None:
    text = cell_text(value)
    if not text:
        return None
    if text not in words:
        raise NumberError(f"{what}「{text}」は読めません(使える語: {'、'.join(words)})")
    return words[text]


def plain_number(value: float) -> str:
    """A number as short text that reads back exactly: 31.25, 130,108, △414."""
    if float(value).is_integer():
        body = f"{abs(int(value)):,}"
    else:
        body = f"{abs(value):,.10f}".rstrip("0").rstrip(".")
    return f"△{body}" if value < 0 else body
