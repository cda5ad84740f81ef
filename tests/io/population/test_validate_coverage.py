"""Age coverage: any partition of the ages on the grid passes; removing a group names it."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sousei.demography.ages import AGE_LABELS_JA
from sousei.io.errors import InputError
from sousei.io.population.validate import check_coverage


@st.composite
def partitions(draw: st.DrawFn) -> list[tuple[int, int | None]]:
    """Groups (start, span) tiling 0..89 inside each 5-year group, then 90.. up to an open end."""
    groups: list[tuple[int, int | None]] = []
    for base in range(0, 90, 5):
        cuts = sorted(draw(st.sets(st.integers(1, 4), max_size=4)))
        edges = [0, *cuts, 5]
        groups += [(base + a, b - a) for a, b in itertools.pairwise(edges)]
    open_start = draw(st.sampled_from([90, 95, 100]))
    groups += [(age, 1) for age in range(90, open_start)]
    groups.append((open_start, None))
    return groups


def _frame(groups: list[tuple[int, int | None]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "area_code": "40203",
            "nationality": "total",
            "sex": "F",
            "age_start": [g[0] for g in groups],
            "age_span": pd.array([g[1] for g in groups], dtype="Int64"),
            "year": 2020,
            "value": 1.0,
        }
    )


@given(partitions())
def test_every_partition_is_accepted(groups: list[tuple[int, int | None]]) -> None:
    check_coverage(_frame(groups))


@given(partitions(), st.data())
def test_a_removed_group_is_named(
    groups: list[tuple[int, int | None]], data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(groups) - 1))
    start = groups[index][0]
    with pytest.raises(InputError) as caught:
        check_coverage(_frame(groups[:index] + groups[index + 1 :]))
    label = AGE_LABELS_JA[min(start // 5, 18)]
    assert label in caught.value.message
