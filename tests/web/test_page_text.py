"""What a user reads on the pages: no repository paths (docs/…, .md), names not codes."""

from __future__ import annotations

import re
from pathlib import Path

import sousei.web

TEMPLATES = Path(sousei.web.__file__).parent
REPOSITORY_PATH = re.compile(r"\bdocs/|\bsrc/sousei|[\w-]+\.md\b")


def test_no_template_points_users_to_a_repository_path() -> None:
    found = [f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
             for path in TEMPLATES.rglob("*.html")
             for match in REPOSITORY_PATH.finditer(path.read_text(encoding="utf-8"))]
    assert found == []
