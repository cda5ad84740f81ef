"""The two cores stay pure: no Django, files, network or outer sousei layer imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "sousei"
FORBIDDEN_PREFIXES = (
    "django",
    "sousei.web",
    "sousei.io",
    "sousei.cli",
    "sousei.reports",
    "openpyxl",
    "requests",
    "urllib",
    "socket",
    "http",
    "pathlib",
    "shutil",
)


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("core", ["demography", "strategy"])
def test_core_imports_no_outer_layer(core: str) -> None:
    files = sorted((SRC / core).rglob("*.py"))
    assert files, f"sousei.{core} has no modules"
    offenders = [
        f"{path.relative_to(SRC)}: {name}"
        for path in files
        for name in _imports(path)
        if name.startswith(FORBIDDEN_PREFIXES)
    ]
    assert offenders == []


def test_core_opens_no_file() -> None:
    calls = []
    for core in ("demography", "strategy"):
        for path in (SRC / core).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "open":
                    calls.append(str(path.relative_to(SRC)))
    assert calls == []
