"""The vital statistics reader: natural and social change, errors with file/row/column."""

from __future__ import annotations

import pytest

from sousei.io.errors import InputError
from sousei.io.flows.vital_stats import read_vital_statistics

GOOD = "年,出生,死亡,転入,転出\n2019,2693,3010,11802,11630\n2018,2787,2988,\"11,650\",11900\n"


def test_reads_and_computes_changes() -> None:
    rows = read_vital_statistics(GOOD.encode("utf-8"), "vital.csv")
    assert [r.year for r in rows] == [2018, 2019]
    assert (rows[0].natural_change, rows[0].social_change) == (2787 - 2988, 11650 - 11900)
    assert (rows[1].natural_change, rows[1].social_change) == (-317, 172)


@pytest.mark.parametrize(("text", "row", "column"), [
    ("年,出生,死亡,転入\n2019,1,2,3\n", 1, None),
    ("年,出生,死亡,転入,転出\n2019,1,-2,3,4\n", 2, "deaths"),
    ("年,出生,死亡,転入,転出\n2019,1,2,3,4\n2019,1,2,3,4\n", 3, "year"),
    ("年,出生,死亡,転入,転出\n2019,1,2,x,4\n", 2, "in_moves"),
])
def test_errors_name_the_cell(text: str, row: int, column: str | None) -> None:
    with pytest.raises(InputError) as caught:
        read_vital_statistics(text.encode("cp932"), "vital.csv")
    assert (caught.value.file, caught.value.row, caught.value.column) == ("vital.csv", row, column)


def test_a_file_in_neither_utf8_nor_cp932_is_refused_by_name() -> None:
    # A Shift_JIS あ followed by half a character: neither encoding can read it.
    with pytest.raises(InputError, match=r"vital\.csv.*UTF-8 でも Shift_JIS でもありません"):
        read_vital_statistics(b"\x82\xa0\x82", "vital.csv")
