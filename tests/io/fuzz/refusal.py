"""The one property of every fuzzed reader: a valid result, or a refusal that points at the cell.

A refusal is the project's own :class:`InputError` (naming file, and row or key/column; only a
container that cannot be opened at all, such as a damaged zip, names the file alone) or
:class:`WorkbookError` (naming file, and per problem the sheet, row and column). Any other
exception is a crash the user cannot act on, and fails the test with the input shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sousei.io.errors import InputError, WorkbookError

T = TypeVar("T")


def reads_or_refuses(read: Callable[[], T], file: str, sheet: bool = False) -> T | None:
    """Run ``read``; return its result, or None after checking the refusal names the place.

    ``sheet``: the format has sheets, so an InputError about a cell must name it too."""
    try:
        return read()
    except InputError as error:
        assert error.file == file, f"the refusal does not name the file {file}: {error}"
        if not _whole_file(error):
            assert error.row is not None or error.column, f"no row or column in: {error}"
        if sheet and error.column and error.row is not None:
            assert error.sheet, f"no sheet in: {error}"
        assert file in str(error), str(error)
        assert _japanese(error.message), f"not a Japanese message: {error}"
    except WorkbookError as error:
        assert error.file == file, f"the refusal does not name the file {file}: {error}"
        assert error.problems, str(error)
        for problem in error.problems:
            if not any(phrase in problem.message for phrase in WHOLE_FILE):
                assert problem.row >= 1, f"no row in: {problem}"
                assert not sheet or problem.sheet not in ("", "-"), f"no sheet in: {problem}"
            assert _japanese(problem.message), f"not a Japanese message: {problem}"
    return None


# Refusals of the container itself (not a zip, not gzip, no such file): no cell to name.
WHOLE_FILE = ("Excel ブック", "gzip", "ファイルがありません", "ファイルが見つかりません", "パスワード")


def _whole_file(error: InputError) -> bool:
    return error.sheet is None and any(phrase in error.message for phrase in WHOLE_FILE)


def _japanese(text: str) -> bool:
    return any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text)
