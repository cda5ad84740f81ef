"""Hypothesis strategies that damage real files the way users and tools do.

Cells replaced with odd text (full-width digits, 1e400, NaN, formulas, a 200,000-character
cell), rows dropped or repeated, headers renamed, the file re-encoded (cp932, UTF-16) and its
bytes truncated or flipped. The base is always a real shipped or example file, so most of each
mutated file is still as published and the reader gets past the header into the data.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st

FUZZ = settings(max_examples=300, deadline=None, database=None)
ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
DATA = ROOT / "tests" / "data"

ODD_TEXT = [
    "", " ", "　", "-1", "-0", "0", "1e400", "-1e400", "1e40", "1e20", "nan", "NaN", "inf",
    "-inf", "Infinity", "１２３", "二〇二〇", "2019.5", "0x10", "1,234", "1_000", "=1+1",
    "=HYPERLINK(\"x\")", "\"", ",", "\n", "\t", "#N/A", "None", "true", "令和7年",
    "9999999999999999999999", "x" * 2000, "x" * 200_000, "\ufeff", "\x00", "総数", "男", "F", "90-",
]
cell_text = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.text(max_size=12),
    st.integers(min_value=-10**25, max_value=10**25).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
cell_value = st.one_of(
    cell_text, st.none(), st.integers(min_value=-10**25, max_value=10**25),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
)


@st.composite
def mutated_rows(draw: st.DrawFn, rows: Sequence[Sequence[object]],
                 values: st.SearchStrategy[object] = cell_value) -> list[list[object]]:
    """``rows`` with a few cells replaced, rows dropped/duplicated, a column dropped."""
    out = [list(r) for r in rows]
    for _ in range(draw(st.integers(1, 4))):
        if not out:
            break
        op = draw(st.sampled_from(["cell", "cell", "cell", "header", "drop", "dup", "column"]))
        r = 0 if op == "header" else draw(st.integers(0, len(out) - 1))
        if op in ("cell", "header") and out[r]:
            out[r][draw(st.integers(0, len(out[r]) - 1))] = draw(values)
        elif op == "drop":
            del out[r]
        elif op == "dup":
            out.insert(r, list(out[r]))
        elif op == "column" and out[0]:
            c = draw(st.integers(0, len(out[0]) - 1))
            out = [row[:c] + row[c + 1:] for row in out]
    return out


def csv_rows(path: Path, limit: int | None = None) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    return rows[:limit] if limit else rows


def _csv_text(rows: list[list[object]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        ["" if v is None else str(v) for v in row] for row in rows)
    return out.getvalue()


@st.composite
def damaged_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` truncated, with bytes flipped, or with junk inserted."""
    data = bytearray(data)
    op = draw(st.sampled_from(["truncate", "flip", "insert"]))
    if op == "truncate" or not data:
        return bytes(data[: draw(st.integers(0, max(len(data) - 1, 0)))])
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[i] ^= 1 << draw(st.integers(0, 7))
        else:
            data[i:i] = draw(st.binary(min_size=1, max_size=8))
    return bytes(data)


@st.composite
def mutated_csv(draw: st.DrawFn, rows: Sequence[Sequence[object]]) -> bytes:
    """The bytes of a CSV made from mutated ``rows``, re-encoded and perhaps damaged."""
    text = _csv_text(draw(mutated_rows(rows, cell_text)))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp932", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.integers(0, 4)) == 0:
        data = draw(damaged_bytes(data))
    return data
