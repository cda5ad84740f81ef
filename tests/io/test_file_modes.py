"""Files the project writes honour the umask (0644 under 022), atomic replacements included:
colleagues on a shared folder can open the reports."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from sousei.io.atomic import current_umask
from sousei.io.population.long_format import write_long_csv, write_long_xlsx
from sousei.io.xlsx_style import save_atomically

FRAME = pd.DataFrame({
    "area_code": ["40203"], "nationality": ["total"], "sex": ["M"],
    "age_start": [0], "age_span": [5], "year": [2020], "value": [1.0],
})


@pytest.fixture(params=[0o022, 0o077, 0o002])
def umask(request) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_umask_is_read_without_changing_it(umask: int) -> None:
    assert current_umask() == umask
    assert current_umask() == umask


def test_atomic_writers_give_the_umask_mode(umask: int, tmp_path: Path) -> None:
    expected = 0o666 & ~umask
    save_atomically(Workbook(), tmp_path / "book.xlsx")
    write_long_csv(FRAME, tmp_path / "long.csv")
    write_long_xlsx(FRAME, tmp_path / "long.xlsx")
    for name in ("book.xlsx", "long.csv", "long.xlsx"):
        assert _mode(tmp_path / name) == expected, name
    # Replacing an existing file gives the same mode, and leaves no temporary file behind.
    save_atomically(Workbook(), tmp_path / "book.xlsx")
    assert _mode(tmp_path / "book.xlsx") == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx", "long.csv", "long.xlsx"]
