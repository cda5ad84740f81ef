"""Numbers as Japanese tables print them: `△1,825`, `▲1,305`, `24万人`, `12.30%`, `745千円`.

`parse_number` returns the value in base units (24万人 -> 240,000 人) and the unit text that
followed, so a caller can check it against the unit its column expects.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MULTIPLIERS = {"億": 100_000_000, "万": 10_000, "千": 1_000}
# 千円 is a unit of its own in budgets: "745千円" is 745 (千円), not 745,000 円.
UNITS_KEEPING_PREFIX = ("千円", "万円", "億円")

_NUMBER_RE = re.compile(
    r"^(?P<neg>[△▲\-−－])?\s*(?P<digits>\d[\d,]*(?:\.\d+)?|\.\d+)\s*(?P<rest>.*)$"
)


class NumberError(ValueError):
    """A cell that should hold a number does not; the message is Japanese."""


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    unit: str  # text after the number once a 万/千/億 multiplier is taken off, e.g. "人", "%"


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip()
    # NFKC keeps △ ▲ and the minus sign; unify the minus variants.
    return text.replace("−", "-").replace("－", "-")


def parse_number(text: str | float | int) -> ParsedNumber:
    """Read `△5.1`, `▲1,305人`, `24万人`, `19.9万人`, `12.30%`, `150,000人`, `745千円`, `８件`."""
    if isinstance(text, bool):
        raise NumberError(f"数値として読めません: {text!r}")
    if isinstance(text, int | float):
        return ParsedNumber(float(text), "")
    norm = _normalise(str(text))
    match = _NUMBER_RE.match(norm)
    if not match:
        raise NumberError(f"数値として読めません: {text!r}")
    value = float(match["digits"].replace(",", ""))
    rest = match["rest"].strip()
    if rest and rest[0] in MULTIPLIERS and not rest.startswith(UNITS_KEEPING_PREFIX):
        value *= MULTIPLIERS[rest[0]]
        rest = rest[1:].strip()
    if re.search(r"\d", rest):
        raise NumberError(f"数値として読めません: {text!r}")
    if match["neg"]:
        value = -value
    return ParsedNumber(value, rest)


def round_half_up(value: float, ndigits: int = 0) -> float:
    """Round as printed tables do (62.5 -> 63), not to even as `round` does (62.5 -> 62)."""
    quantum = Decimal(1).scaleb(-ndigits)
    # float() first: numpy scalars repr as "np.float64(...)", which Decimal cannot read.
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def format_number(value: float, decimals: int = 0, negative_mark: str = "△") -> str:
    """`△1,825`: thousands separators, the negative mark in front, rounded half up."""
    rounded = round_half_up(value, decimals)
    if rounded == 0:
        rounded = 0.0  # no "△0"
    body = f"{abs(rounded):,.{decimals}f}"
    return f"{negative_mark}{body}" if rounded < 0 else body


def format_percent(value: float, decimals: int = 1, negative_mark: str = "△") -> str:
    """`28.7%` from a value already in per cent (28.66 -> 28.7%)."""
    return f"{format_number(value, decimals, negative_mark)}%"


def format_thousand_yen(value: float, negative_mark: str = "△") -> str:
    """`2,400千円` from a budget already in 千円."""
    return f"{format_number(value, 0, negative_mark)}千円"
