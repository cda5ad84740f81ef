"""Fuzzed flow readers (vital statistics, moves, moves by age, foreign residents), from the
example files: a valid result or a refusal naming file, row and column, never a crash."""

from __future__ import annotations

import pytest
from hypothesis import given

from sousei.demography.ages import AGE_STARTS
from sousei.io.flows.foreign_residents import read_foreign_residents
from sousei.io.flows.moves import read_moves
from sousei.io.flows.moves_by_age import read_moves_by_age
from sousei.io.flows.vital_stats import read_vital_statistics
from tests.io.fuzz.mutations import EXAMPLES, FUZZ, csv_rows, mutated_csv
from tests.io.fuzz.refusal import reads_or_refuses

pytestmark = pytest.mark.slow


def _moves_by_age_rows() -> list[list[object]]:
    # No moves-by-age table ships; this one has the documented layout and 2 x 19 rows.
    rows: list[list[object]] = [["年", "地域コード", "性別", "年齢", "年齢幅", "転入", "転出"]]
    for sex in ("男", "女"):
        rows += [[2023, "40203", sex, a, "" if a == 90 else 5, a + 10, a // 5 + 1]
                 for a in AGE_STARTS]
    return rows


@FUZZ
@given(mutated_csv(csv_rows(EXAMPLES / "vital.csv")))
def test_vital_statistics(data: bytes) -> None:
    reads_or_refuses(lambda: read_vital_statistics(data, "vital.csv"), "vital.csv")


@FUZZ
@given(mutated_csv(csv_rows(EXAMPLES / "移動.csv")))
def test_moves(data: bytes) -> None:
    reads_or_refuses(lambda: read_moves(data, "移動.csv"), "移動.csv")


@FUZZ
@given(mutated_csv(_moves_by_age_rows()))
def test_moves_by_age(data: bytes) -> None:
    reads_or_refuses(lambda: read_moves_by_age(data, "moves.csv"), "moves.csv")


@FUZZ
@given(mutated_csv(csv_rows(EXAMPLES / "在留.csv")))
def test_foreign_residents(data: bytes) -> None:
    reads_or_refuses(lambda: read_foreign_residents(data, "在留.csv"), "在留.csv")
