"""Poppler helpers for PDF structure tests; tests skip (with the reason) when a binary is absent."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def need(*binaries: str) -> None:
    for binary in binaries:
        if shutil.which(binary) is None:
            pytest.skip(f"{binary} がありません (scripts/system-deps.sh で導入されます)")


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def fonts(pdf: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = []
    for line in out.stdout.splitlines()[2:]:
        parts = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object, id
        rows.append({"name": parts[0], "emb": parts[-5], "line": line})
    return rows


def text(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


def render_page(pdf: Path, page: int, stem: Path) -> Path:
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", str(page), "-l", str(page), str(pdf), str(stem)],
        check=True,
    )
    return next(stem.parent.glob(f"{stem.name}*.png"))


def page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    )
    return out.stdout


def contents_numbers(pdf: Path, titles: list[str]) -> dict[str, int]:
    """Title -> the page number printed after it in the contents (page 1 or 2)."""
    import re

    contents = next(t for t in (page_text(pdf, 1), page_text(pdf, 2)) if "目次" in t)
    flat = re.sub(r"\s+", " ", contents)
    numbers = {}
    for title in titles:
        match = re.search(rf"\d+\. {re.escape(title)} (\d+)", flat)
        assert match, f"{title} に番号がありません: {flat}"
        numbers[title] = int(match[1])
    return numbers


def heading_page(pdf: Path, heading: str, pages: int) -> int:
    """The first page after the contents whose text holds ``heading`` ("3. 将来人口推計")."""
    wanted = "".join(heading.split())
    for page in range(2, pages + 1):
        text = page_text(pdf, page)
        if "目次" not in text and wanted in "".join(text.split()):
            return page
    raise AssertionError(f"{heading} が見つかりません")
