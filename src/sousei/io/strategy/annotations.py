"""What people write around a figure in a published table, taken apart so the figure can be read.

A year tag (`108万人(H31)`, `(R5)`, `(2019年)`) says the figure is of that year, though it sits
in a later column; any other bracketed text (`60件(実績値)`, `(速報値)`) and a trailing `※...`
are notes a person reads past. Dashes come in many widths (`-`, `－`, `—`, `―`, `ー`, ...),
all meaning the same thing. The pieces are returned, never dropped, so a caller can keep them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sousei.japanese import EraError, parse_fiscal_year

DASH_CHARS = frozenset("-‐‑‒–—―−－ー─━ｰ⁻")
_TRAILING_BRACKET = re.compile(r"\(([^()]*)\)\s*$")
_TRAILING_FOOTNOTE = re.compile(r"\s*(※[^※]*)$")


def is_dash(text: str) -> bool:
    """`—`, `－`, `--`, `ー`: a cell holding only dash-like marks (and spaces)."""
    marks = "".join(text.split())
    return bool(marks) and all(ch in DASH_CHARS for ch in marks)


@dataclass(frozen=True)
class Annotated:
    body: str  # the text with the annotations taken off (NFKC-normalised)
    year: int | None = None  # the year a year tag names
    notes: tuple[str, ...] = ()  # bracketed remarks and footnotes, in reading order

    @property
    def note(self) -> str:
        return " ".join(self.notes)


def split_annotations(text: str) -> Annotated:
    """`108万人(H31)` -> ("108万人", 2019, ()); `60件(実績値)` -> ("60件", None, ("実績値",)).

    Only trailing annotations are taken off, and only while something is left in front of them:
    `(未実施)` alone stays whole. A second year tag is kept as a note rather than guessed at.
    """
    body = unicodedata.normalize("NFKC", text).strip()
    year: int | None = None
    notes: list[str] = []
    while True:
        bracket = _TRAILING_BRACKET.search(body)
        footnote = None if bracket else _TRAILING_FOOTNOTE.search(body)
        found = bracket or footnote
        if found is None or not body[: found.start()].strip():
            break
        body = body[: found.start()].rstrip()
        content = found.group(1).strip()
        tagged = _year_of(content) if bracket else None
        if tagged is not None and year is None:
            year = tagged
        elif content:
            notes.insert(0, content)
    return Annotated(body, year, tuple(notes))


def _year_of(content: str) -> int | None:
    try:
        return parse_fiscal_year(content)
    except EraError:
        return None
