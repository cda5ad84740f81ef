"""Excel column letters (1 -> A, 27 -> AA) without importing openpyxl.

Readers name the column of a bad cell the way Excel shows it; openpyxl takes ~0.1 s to import,
which a CSV read or `sousei project --area X` should not pay.
"""

from __future__ import annotations


def column_letter(index: int) -> str:
    """The letters of the 1-based column ``index`` (as openpyxl's get_column_letter)."""
    if index < 1:
        raise ValueError(f"列番号は1以上です ({index})")
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
