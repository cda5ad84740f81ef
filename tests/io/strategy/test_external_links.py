"""Every strategy reader refuses a workbook linking to another workbook (外部参照) by the linked
file's name, so the CLI and the web take the same files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sousei.io.errors import WorkbookError
from sousei.io.strategy.progress import read_progress_workbook
from sousei.io.strategy.project_sheet import read_project_sheets, write_project_sheets
from sousei.io.strategy.strategy_book import read_strategy_workbook
from tests.io.strategy.link_fixture import LINKED_FILE, with_link
from tests.io.strategy.progress_fixture import build_progress_workbook


def _linked(source: Path) -> Path:
    linked = source.with_name("linked_" + source.name)
    linked.write_bytes(with_link(source.read_bytes()))
    return linked


@pytest.mark.parametrize("reader", [read_progress_workbook, read_strategy_workbook])
def test_a_linked_progress_workbook_is_refused_and_the_same_without_the_link_reads(
    tmp_path: Path, reader
) -> None:
    source = build_progress_workbook(tmp_path / "progress.xlsx")
    assert reader(source).strategy.goals  # the workbook itself reads
    with pytest.raises(WorkbookError) as refused:
        reader(_linked(source))
    message = str(refused.value)
    assert "linked_progress.xlsx" in message
    assert f"外部参照: {LINKED_FILE}" in message and "値として貼り付け" in message


def test_linked_project_sheets_are_refused(tmp_path: Path) -> None:
    strategy = read_progress_workbook(build_progress_workbook(tmp_path / "progress.xlsx")).strategy
    projects = tuple(p for g in strategy.goals for m in g.measures for p in m.projects)[:3]
    source = tmp_path / "projects.xlsx"
    write_project_sheets(projects, source)
    assert len(read_project_sheets(source)) == len(projects)
    with pytest.raises(WorkbookError, match="外部参照"):
        read_project_sheets(_linked(source))


@pytest.mark.parametrize("bit", [0, 5])  # 0: a zip password, 5: compressed patched data
def test_a_linked_workbook_with_unreadable_members_is_refused_not_raised(tmp_path: Path,
                                                                      bit: int) -> None:
    """The link check reads the link's rels before the reader's own checks: a member zipfile
    cannot open (RuntimeError, NotImplementedError) leaves the refusal to the reader."""
    from sousei.io.errors import InputError

    data = bytearray(with_link(build_progress_workbook(tmp_path / "p.xlsx").read_bytes()))
    at = data.find(b"PK\x01\x02")
    while at != -1:
        data[at + 8] |= 1 << bit
        at = data.find(b"PK\x01\x02", at + 4)
    flagged = tmp_path / "flagged.xlsx"
    flagged.write_bytes(bytes(data))
    with pytest.raises((WorkbookError, InputError)) as refused:
        read_progress_workbook(flagged)
    assert "flagged.xlsx" in str(refused.value)
