from __future__ import annotations

from pathlib import Path

import pytest

from tests.io.strategy.progress_fixture import build_progress_workbook


@pytest.fixture
def progress_workbook(tmp_path: Path) -> Path:
    return build_progress_workbook(tmp_path / "progress.xlsx")
