"""HTML reports printed to A4 PDF by headless Chromium (Debian's package, through Playwright).

Chromium lays out Japanese with IPAexGothic and embeds the subset it used, adds page numbers
in the footer and writes the PDF outline (bookmarks) from the headings; the contents get their
page numbers from a second print (:mod:`sousei.reports.pdf_toc`). One browser
serves a whole batch: :class:`PdfPrinter` is opened once and prints report after report.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from html import escape
from pathlib import Path
from types import TracebackType

import matplotlib_fontja

from sousei.reports.pdf_toc import ENTRIES_JS, FILL_JS, number_contents

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FOOTER = (
    '<div style="width:100%;font-size:8px;text-align:center;'
    "font-family:'DejaVu Sans',sans-serif;\">"
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)
ORIGIN = "https://sousei.invalid"  # never reached: every request is answered by a route
FONT_PATH = "/fonts/ipaexg.ttf"
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "12mm", "right": "12mm"}


class ChromiumNotFoundError(RuntimeError):
    """No Chromium to print with; the message says how to install one."""


def chromium_path() -> str:
    """``SOUSEI_CHROMIUM`` if set, else the first Chromium on PATH."""
    configured = os.environ.get("SOUSEI_CHROMIUM")
    if configured:
        return configured
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumNotFoundError(
        "PDFの作成にはChromiumが必要です (Debian/Ubuntu: sudo apt-get install chromium "
        "fonts-noto-cjk、または環境変数 SOUSEI_CHROMIUM にパスを指定)"
    )


class PdfPrinter:
    """A headless Chromium kept open while several reports are printed.

    Playwright's sync API refuses to run in a thread whose asyncio loop is running (a notebook,
    an async server, another sync Playwright session), so the browser lives on a worker thread
    of its own and every call is handed to it.
    """

    def __enter__(self) -> PdfPrinter:
        executable = chromium_path()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sousei-pdf")
        try:
            self._worker.submit(self._start, executable).result()
        except Exception:
            self._worker.shutdown()
            raise
        return self

    def _start(self, executable: str) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS,
                env={**os.environ, "FONTCONFIG_FILE": str(_fontconfig_file())},
            )
        except Exception:
            self._playwright.stop()
            raise

    def _stop(self) -> None:
        self._browser.close()
        self._playwright.stop()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            self._worker.submit(self._stop).result()
        finally:
            self._worker.shutdown()

    def print(self, html: str, path: str | Path) -> Path:
        """Print ``html`` to ``path`` (A4, page numbers, outline); the file appears whole or not."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = self._worker.submit(self._render, html).result()
        fd, tmp = tempfile.mkstemp(suffix=".pdf", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        return path

    def _render(self, html: str) -> bytes:
        page = self._browser.new_page()
        try:
            page.route(f"{ORIGIN}/**", _serve(html))
            page.goto(f"{ORIGIN}/report.html", wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            page.emulate_media(media="print")
            def pdf() -> bytes:
                return page.pdf(
                    format="A4",
                    prefer_css_page_size=True,
                    print_background=True,
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=FOOTER,
                    margin=MARGIN,
                    outline=True,
                    tagged=True,
                )

            entries = [tuple(entry) for entry in page.evaluate(ENTRIES_JS)]
            data = number_contents(
                pdf(), entries, lambda pages: page.evaluate(FILL_JS, pages), pdf
            )
        finally:
            page.close()
        return data


@cache
def _fontconfig_file() -> Path:
    """A fontconfig file adding IPAexGothic's folder to the system fonts, so Chromium finds the
    font locally (``local()`` in report.css): handing 6 MB of font through Playwright's route
    to every page took seconds per report."""
    folder = Path(tempfile.mkdtemp(prefix="sousei-fonts-"))
    font_dir = Path(matplotlib_fontja.get_font_ttf_path()).parent
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{escape(str(font_dir))}</dir>\n"
        f"  <cachedir>{escape(str(folder / 'cache'))}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return path


def _serve(html: str):
    """Answer the page and its font from memory: no server, no network, no file:// access.

    The font is IPAexGothic from matplotlib-fontja (TrueType outlines), which Chromium embeds as
    a named CID font; the CFF outlines of Noto Sans CJK would become nameless Type 3 fonts.
    """
    font = Path(matplotlib_fontja.get_font_ttf_path())

    def handle(route) -> None:
        url = route.request.url
        if url.endswith(FONT_PATH):
            route.fulfill(path=font, content_type="font/ttf")
        elif url.endswith("/report.html"):
            route.fulfill(body=html, content_type="text/html; charset=utf-8")
        else:
            route.fulfill(status=404, body="")

    return handle
