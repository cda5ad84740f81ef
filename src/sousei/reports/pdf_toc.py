"""Page numbers in the table of contents of a printed report, by printing twice.

Chromium's print has no CSS ``target-counter()``, so the page a section starts on is only known
after printing: the first print is read back with ``pdftotext`` (Debian's poppler-utils), each
section heading is looked up page by page, the numbers are written into the contents, and the
document is printed again. The number slots have a fixed width, so filling them cannot move a
heading; the second print is read back once more to make sure, and printed again if it did.
Without pdftotext the contents keep their titles and links but no numbers.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections.abc import Callable

log = logging.getLogger(__name__)
PASSES = 3
# Section id and heading text ("3. 将来人口推計") of every section listed in the contents.
ENTRIES_JS = """() => [...document.querySelectorAll('.toc-page[data-key]')].map(slot => {
  const heading = document.querySelector('section#' + CSS.escape(slot.dataset.key) + ' > h2');
  return [slot.dataset.key, heading ? heading.textContent : ''];
})"""
FILL_JS = """(pages) => {
  for (const slot of document.querySelectorAll('.toc-page[data-key]')) {
    slot.textContent = pages[slot.dataset.key] ?? '';
  }
}"""
SPACE = re.compile(r"\s+")


def page_texts(pdf: bytes) -> list[str]:
    """The text of every page, whitespace removed (pdftotext separates pages by form feeds)."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [SPACE.sub("", page) for page in pages]


def heading_pages(texts: list[str], entries: list[tuple[str, str]]) -> dict[str, int]:
    """Section id -> 1-based page where its heading is printed, in document order.

    Headings are searched from the page after the last one found, so the contents page, which
    lists the same titles, never counts as a section's page.
    """
    found: dict[str, int] = {}
    start = _first_page_after_contents(texts)
    for key, heading in entries:
        wanted = SPACE.sub("", heading)
        if not wanted:
            continue
        for index in range(start, len(texts)):
            if wanted in texts[index]:
                found[key] = index + 1
                start = index
                break
    return found


def _first_page_after_contents(texts: list[str]) -> int:
    for index, text in enumerate(texts):
        if "目次" in text:
            return index + 1
    return 0


def number_contents(
    pdf: bytes,
    entries: list[tuple[str, str]],
    fill: Callable[[dict[str, int]], None],
    reprint: Callable[[], bytes],
) -> bytes:
    """The PDF printed again with the page numbers filled in by ``fill``."""
    if not entries or shutil.which("pdftotext") is None:
        return pdf
    pages = heading_pages(page_texts(pdf), entries)
    for _ in range(PASSES):
        fill(pages)
        pdf = reprint()
        printed = heading_pages(page_texts(pdf), entries)
        if printed == pages:
            return pdf
        pages = printed
    log.warning("目次のページ番号が%d回の印刷で定まりませんでした", PASSES)
    return pdf
