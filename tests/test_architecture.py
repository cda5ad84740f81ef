"""The layers of docs/architecture.md, enforced: who may import whom, and pure cores.

Every import is checked, including those inside functions (a lazy import is still a
dependency). Adding a layer means adding it to ALLOWED and to docs/architecture.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "sousei"

# Layer -> the other sousei layers it may import (itself and the package root always).
ALLOWED: dict[str, set[str]] = {
    "japanese": set(),
    "demography": set(),
    "strategy": {"japanese"},
    "io": {"demography", "strategy", "japanese"},
    "vision": {"demography", "strategy", "io", "japanese"},
    "reports": {"demography", "strategy", "io", "vision", "japanese"},
    "testing": {"demography", "strategy", "io", "japanese"},
    "cli": {"demography", "strategy", "io", "vision", "reports", "japanese", "web"},
    "web": {"demography", "strategy", "io", "vision", "reports", "japanese"},
}
CORES = ("demography", "strategy")
# What the cores may not touch outside sousei: frameworks, files and the network.
FORBIDDEN_IN_CORES = (
    "django",
    "openpyxl",
    "pandas",
    "requests",
    "urllib",
    "socket",
    "http",
    "pathlib",
    "shutil",
    "importlib.resources",
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


def _layer(path: Path) -> str:
    return path.relative_to(SRC).parts[0].removesuffix(".py")


def _modules() -> list[Path]:
    return [p for p in sorted(SRC.rglob("*.py")) if p.parent != SRC or p.name != "__init__.py"]


def test_every_layer_is_in_the_design() -> None:
    layers = {_layer(p) for p in _modules()}
    assert layers <= set(ALLOWED), f"layers missing from ALLOWED: {layers - set(ALLOWED)}"
    design = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert [layer for layer in ALLOWED if f"`{layer}" not in design] == []


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_only_what_the_design_allows(layer: str) -> None:
    offenders = []
    for path in _modules():
        if _layer(path) != layer:
            continue
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "sousei" or len(parts) == 1:
                continue
            if parts[1] != layer and parts[1] not in ALLOWED[layer]:
                offenders.append(f"{path.relative_to(SRC)}: {name}")
    assert offenders == []


@pytest.mark.parametrize("core", CORES)
def test_core_imports_no_framework_file_or_network(core: str) -> None:
    files = sorted((SRC / core).rglob("*.py"))
    assert files, f"sousei.{core} has no modules"
    offenders = [
        f"{path.relative_to(SRC)}: {name}"
        for path in files
        for name in _imports(path)
        if name.split(".")[0] in {f.split(".")[0] for f in FORBIDDEN_IN_CORES if "." not in f}
        or name.startswith(tuple(f for f in FORBIDDEN_IN_CORES if "." in f))
    ]
    assert offenders == []


def test_core_opens_no_file() -> None:
    calls = []
    for core in CORES:
        for path in (SRC / core).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "open":
                    calls.append(str(path.relative_to(SRC)))
    assert calls == []


def test_the_rule_catches_a_core_importing_a_workflow(tmp_path: Path) -> None:
    """The case the issue found passing: demography importing sousei.vision."""
    module = tmp_path / "indicators.py"
    module.write_text("from sousei.vision.inputs import census_history\n", encoding="utf-8")
    names = _imports(module)
    assert [n for n in names if n.split(".")[1] not in ALLOWED["demography"]] == [
        "sousei.vision.inputs"
    ]
