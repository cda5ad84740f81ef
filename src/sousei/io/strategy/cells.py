"""Cell values of strategy workbooks: numbers with units, states of an actual, enumerations.

The words users type for a missing value decide how a KPI is graded, so they are listed here
once: `—` (not obtainable), `未実施` (not carried out), `統計未公表` or `…公表後、記入予定`
(pending).
"""

from __future__ import annotations

import re
import unicodedata

from sousei.japanese import NumberError, parse_fiscal_year, parse_number
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


def read_actual(value: object, fiscal_year: int, unit: str, qualitative: bool) -> Actual | None:
    """One actual cell; None when empty (a future year). Raises NumberError on stray text."""
    text = cell_text(value)
    if not text:
        return None
    if text in DASHES or any(w in text for w in NOT_OBTAINABLE_WORDS):
        return Actual(fiscal_year, ActualState.NOT_OBTAINABLE, note=_note(text))
    if any(w in text for w in NOT_CARRIED_OUT_WORDS):
        return Actual(fiscal_year, ActualState.NOT_CARRIED_OUT, note=_note(text))
    if any(w in text for w in PENDING_WORDS):
        return Actual(fiscal_year, ActualState.PENDING, note=_note(text))
    try:
        return Actual(fiscal_year, ActualState.NUMBER, read_number(value, unit))
    except NumberError:
        if qualitative:
            return Actual(fiscal_year, ActualState.RECORDED, note=text)
        raise


def _note(text: str) -> str:
    """The wording to keep: nothing when it is the default word the writer would print."""
    if text in DASHES or text in DEFAULT_WORDING.values():
        return ""
    return text


def actual_text(actual: Actual) -> str | float:
    """What a writer puts in the cell of an actual: its number, or its wording."""
    if actual.state is ActualState.NUMBER:
        assert actual.value is not None
        return actual.value
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
