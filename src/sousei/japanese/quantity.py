"""The kind of a quantity decides how it is printed and which Excel number format it gets.

A table says what each column or row holds (persons, a ratio, a TFR, 千円) when it is built;
printing never guesses from words in a name. (A scenario named 「出生率向上」 once had its
populations printed as 24,632,227.6% because a column title containing 率 was taken for a
ratio.)
"""

from __future__ import annotations

from enum import Enum

from sousei.japanese.numbers import format_number, format_percent, format_thousand_yen


class Quantity(Enum):
    """What a number is. Values are the report table's format names (reports.table)."""

    PERSONS = "count"        # persons, whole numbers with separators and △
    RATIO = "share"          # a fraction (0.287), printed as 28.7%
    TFR = "ratio"            # 合計特殊出生率, two decimals (1.58)
    THOUSAND_YEN = "yen"     # a budget already in 千円
    YEAR = "year"            # 2025, no separator
    TEXT = "text"            # a name or a code


EXCEL_FORMATS: dict[Quantity, str] = {
    Quantity.PERSONS: '#,##0;"△"#,##0',
    Quantity.RATIO: '0.0%;"△"0.0%',
    Quantity.TFR: '0.00;"△"0.00',
    Quantity.THOUSAND_YEN: '#,##0"千円";"△"#,##0"千円"',
    Quantity.YEAR: "0",
    Quantity.TEXT: "@",
}


def format_quantity(value: object, kind: Quantity) -> str:
    """The printed text of ``value`` as a ``kind`` (text and missing values as they are)."""
    if value is None or kind is Quantity.TEXT or isinstance(value, str):
        return "" if value is None else str(value)
    number = float(value)  # type: ignore[arg-type]
    if kind is Quantity.RATIO:
        return format_percent(100 * number)
    if kind is Quantity.TFR:
        return format_number(number, 2)
    if kind is Quantity.THOUSAND_YEN:
        return format_thousand_yen(number)
    if kind is Quantity.YEAR:
        return str(int(number))
    return format_number(number)
