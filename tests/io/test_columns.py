"""Column letters agree with openpyxl's (which the readers no longer import)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from sousei.io.columns import column_letter


@given(st.integers(min_value=1, max_value=18278))
def test_same_as_openpyxl(index: int) -> None:
    assert column_letter(index) == get_column_letter(index)


def test_known_letters_and_refusal() -> None:
    assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
    with pytest.raises(ValueError):
        column_letter(0)
