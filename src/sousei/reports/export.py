"""A report document as the bytes of one file (XLSX or PDF), for a web download.

The CLI writes every format into a folder (``write_document``); a download needs one file and
nothing left on disk, so the file is made in a temporary folder and read back.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from sousei.reports.html import Document, render_document
from sousei.reports.pdf import PdfPrinter
from sousei.reports.vision import tables_of
from sousei.reports.xlsx import write_workbook

FORMATS = ("xlsx", "pdf")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def document_bytes(document: Document, fmt: str, printer: PdfPrinter | None = None) -> bytes:
    """The document as an XLSX workbook or an A4 PDF (a browser of its own unless given)."""
    if fmt not in FORMATS:
        raise ValueError(f"報告書の形式 {fmt!r} は {FORMATS} のいずれかです")
    with tempfile.TemporaryDirectory(prefix="sousei-report-") as folder:
        path = Path(folder) / f"report.{fmt}"
        if fmt == "xlsx":
            write_workbook(tables_of(document), path)
        elif printer is not None:
            printer.print(render_document(document), path)
        else:
            with PdfPrinter() as own:
                own.print(render_document(document), path)
        return path.read_bytes()
