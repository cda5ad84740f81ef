"""`sousei.io` offers a notebook user every reader by name, without importing them all at once."""

from __future__ import annotations

import subprocess
import sys

import sousei.io


def test_every_export_is_defined_where_the_table_says() -> None:
    """A renamed or moved reader fails here, not in a user's notebook."""
    stale = []
    for name, module in sousei.io._EXPORTS.items():
        value = getattr(sousei.io, name)
        if callable(value) and getattr(value, "__module__", module) != module:
            stale.append(f"{name}: defined in {value.__module__}, listed under {module}")
    assert stale == []
    assert sorted(sousei.io._EXPORTS) == sousei.io.__all__


def test_importing_one_reader_does_not_import_the_strategy_workbooks() -> None:
    code = (
        "import sys; import sousei.io.scenario; "
        "print('openpyxl' in sys.modules, 'sousei.io.strategy.progress' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
