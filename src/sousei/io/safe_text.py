"""Text that a spreadsheet would run as a formula is written as text (CSV/formula injection).

A committee comment or KPI name beginning with `=` became a live `=HYPERLINK(...)` in the
workbooks; Excel also evaluates CSV cells beginning with `+`, `-`, `@`, a tab or a carriage
return. Every xlsx and CSV writer of the project passes its text through here. A number
written as text ("-5", "+1.5e3") is not a formula and is left as it is, and numbers stay
numbers.
"""

from __future__ import annotations

import re

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d[\d,]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")


def looks_like_formula(value: object) -> bool:
    """True for a string a spreadsheet would evaluate (and that is not just a number)."""
    return (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and _PLAIN_NUMBER.fullmatch(value) is None
    )


def csv_text(value: object) -> object:
    """One CSV cell: formula-like text gets the apostrophe prefix spreadsheets read as text."""
    return "'" + value if looks_like_formula(value) else value  # type: ignore[operator]


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text columns are safe to open in a spreadsheet; numeric
    columns are not touched (a negative number stays a number)."""
    text_columns = [c for c in frame.columns if frame[c].dtype == object or
                    isinstance(frame[c].dtype, pd.StringDtype)]
    if not text_columns:
        return frame
    out = frame.copy()
    for column in text_columns:
        values = out[column]
        mask = values.map(looks_like_formula).astype(bool)
        if mask.any():
            out[column] = values.where(~mask, "'" + values[mask].astype(str))
    return out
