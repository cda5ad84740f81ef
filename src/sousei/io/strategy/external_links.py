"""Refuse a strategy workbook that links to other workbooks (外部参照), in the CLI and the web.

The readers take the values Excel cached and drop the links (io/sheets.py), which is right for
the 総務省 statistical tables: every 住基 table carries a link nobody uses. A KPI workbook is
different: the progress, template and strategy workbooks sousei writes never hold a link, so a
link means a department filled cells with `=[他課.xlsx]集計!C5`, and the cached value is only
what that other file held when this one was last saved on that PC. Importing it would record
a figure nobody can trace; the department is told to paste the values instead. The strategy readers (progress
workbook, strategy workbook, project sheets) check it themselves, so ``sousei evaluate`` and
``sousei report kpi`` refuse the same files as the web's imports.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from sousei.io.errors import CellProblem, WorkbookError

_TARGET = re.compile(r'Target="([^"]+)"')


def refuse_external_links(path: Path, filename: str) -> None:
    """Raise WorkbookError naming the linked files when `path` has external links. A damaged
    archive passes here: the reader refuses it with its own message."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            links = [n for n in names if n.startswith("xl/externalLinks/")
                     and n.endswith(".xml") and "/_rels/" not in n]
            targets = []
            for link in links:
                rels = link.replace("externalLinks/", "externalLinks/_rels/") + ".rels"
                if rels in names:
                    text = archive.read(rels).decode("utf-8", "replace")
                    targets += [t.replace("file:///", "") for t in _TARGET.findall(text)]
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError):
        return  # RuntimeError: a zip-password or patched member (NotImplementedError)
    if not links:
        return
    shown = "、".join(dict.fromkeys(targets)) or f"{len(links)} 件"
    raise WorkbookError(filename, [CellProblem(
        "-", 0, "", "",
        f"他のブックへのリンク(外部参照: {shown})を含むため読み込みません。"
        "リンク先の値を「値として貼り付け」してから保存し直してください")])
