"""Checks on an xlsx archive before openpyxl parses it: size, rows, huge cells, corruption.

openpyxl builds every cell in memory, so a 283 KiB workbook that inflates to 95 MiB took 49 s
and 1.3 GB before anything could refuse it. Here the archive is looked at first, streaming
and with bounded memory: the declared sizes of its members (zipfile stops at the declared
size and checks the CRC, so they cannot lie), the number of rows of every sheet, the shared
strings longer than a cell may hold, and a damaged deflate stream. Limits are far above the
largest real table we know (総務省 住基 年齢別, 6.8 MB unpacked, 6,839 rows).

External links (`xl/externalLinks/`) are *not* refused: every 総務省 住基 table carries one.
The readers take the values Excel cached (`data_only`) and never follow or keep a link.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

from sousei.io.errors import InputError

MAX_UNPACKED_BYTES = 64 * 2**20
MAX_ROWS = 300_000
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
CHUNK = 2**20
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_SHARED_CELL = re.compile(rb'<(?:\w+:)?c r="([A-Z]{1,3}\d{1,7})"[^>]*?t="s"[^>]*>\s*<(?:\w+:)?v>(\d+)<')
# An inline string cell (openpyxl writes these) with at least MAX_CELL_CHARS bytes of text;
# its length in characters is checked after decoding.
_INLINE_CELL = re.compile(
    rb'<(?:\w+:)?c r="([A-Z]{1,3}\d{1,7})"[^>]*?t="inlineStr"[^>]*>\s*<(?:\w+:)?is>\s*'
    rb"<(?:\w+:)?t[^>]*>([^<]{%d,})" % MAX_CELL_CHARS)
# Bytes kept from one chunk to the next: a whole longest cell (4 bytes a character at most).
_OVERLAP = 4 * MAX_CELL_CHARS + 256
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def check_xlsx(source: str | Path | bytes, file: str) -> None:
    """Raise InputError (naming `file`, and the sheet and cell where there is one) for an
    archive too large to unpack, with too many rows, a cell too long, or damaged."""
    data = source if isinstance(source, bytes) else None
    head = data[:4] if data is not None else _head(Path(source))
    if head == _OLE_MAGIC:
        raise InputError("パスワードで保護されたブックか、古い形式 (.xls) です。"
                         "保護を解除して .xlsx で保存し直してください", file)
    try:
        with zipfile.ZipFile(io.BytesIO(data) if data is not None else source) as archive:
            _check_sizes(archive, file)
            sheets = _sheet_names(archive)
            huge = _huge_shared_strings(archive, file)
            for member, sheet in sheets.items():
                _scan_sheet(archive, member, sheet, huge, file)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as error:
        raise InputError(f"Excel ブック (.xlsx) として読めません (ファイルが壊れています: {error})",
                         file) from None
    except RuntimeError:  # after NotImplementedError, its subclass: a zip-password member
        raise InputError("パスワードで暗号化された部分があるため読めません。"
                         "保護を解除して .xlsx で保存し直してください", file) from None


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(4)
    except FileNotFoundError:
        raise InputError("ファイルが見つかりません", path.name) from None


def _check_sizes(archive: zipfile.ZipFile, file: str) -> None:
    total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNPACKED_BYTES:
        raise InputError(
            f"展開すると {total / 2**20:,.0f} MiB になるため読み込みません "
            f"(上限 {MAX_UNPACKED_BYTES // 2**20} MiB)。不要なシートや書式を削除してください", file)


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet member -> the sheet's name as the user sees it (from workbook.xml and its
    relationships); a member whose name cannot be found keeps its file name."""
    members = [n for n in archive.namelist()
               if n.startswith("xl/worksheets/") and n.endswith(".xml") and "/_rels/" not in n]
    names = {m: m.rsplit("/", 1)[-1] for m in members}
    try:
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
        book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    except KeyError:
        return names
    targets = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
    targets.update({i: t for t, i in re.findall(r'Target="([^"]+)"[^>]*Id="([^"]+)"', rels)})
    for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book):
        name, rid = re.search(r'name="([^"]*)"', tag), re.search(r'r:id="([^"]+)"', tag)
        if name and rid and rid.group(1) in targets:
            target = targets[rid.group(1)].lstrip("/")
            member = target if target.startswith("xl/") else "xl/" + target
            if member in names:
                names[member] = name.group(1)
    return names


def _huge_shared_strings(archive: zipfile.ZipFile, file: str) -> set[int]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return set()
    huge: set[int] = set()
    index = 0
    try:
        with archive.open("xl/sharedStrings.xml") as stream:
            for _, element in iterparse(stream, events=("end",)):
                if element.tag.endswith("}si") or element.tag == "si":
                    if sum(len(t) for t in element.itertext()) > MAX_CELL_CHARS:
                        huge.add(index)
                    index += 1
                    element.clear()
    except ParseError as error:
        raise InputError(f"Excel ブック (.xlsx) として読めません (共有文字列が壊れています: {error})",
                         file) from None
    return huge


def _scan_sheet(archive: zipfile.ZipFile, member: str, sheet: str, huge: set[int],
                file: str) -> None:
    rows, tail = 0, b""
    with archive.open(member) as stream:
        while chunk := stream.read(CHUNK):
            text = tail + chunk
            # Tags starting before `cut` are counted now, the rest with the next chunk, so a
            # tag split over two chunks is counted once; the overlap holds a whole cell.
            cut = max(len(text) - _OVERLAP, 0)
            rows += sum(1 for match in _ROW.finditer(text) if match.start() < cut)
            if rows > MAX_ROWS:
                raise InputError(f"行数が上限 {MAX_ROWS:,} 行を超えるため読み込みません", file, sheet)
            _check_cells(text, huge, sheet, file)
            tail = text[cut:]
    rows += len(_ROW.findall(tail))
    if rows > MAX_ROWS:
        raise InputError(f"行数が上限 {MAX_ROWS:,} 行を超えるため読み込みません", file, sheet)


def _check_cells(text: bytes, huge: set[int], sheet: str, file: str) -> None:
    long_cells = [cell for cell, value in _INLINE_CELL.findall(text)
                  if len(value.decode("utf-8", "replace")) > MAX_CELL_CHARS]
    if huge:
        long_cells += [cell for cell, index in _SHARED_CELL.findall(text) if int(index) in huge]
    if long_cells:
        column, row = re.match(rb"([A-Z]+)(\d+)", long_cells[0]).groups()
        raise InputError(f"セルの文字数が Excel の上限 {MAX_CELL_CHARS:,} 字を超えています",
                         file, sheet, int(row), column.decode())
