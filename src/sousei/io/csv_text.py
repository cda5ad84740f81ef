"""The text of a CSV file and the row of what cannot be read, for every CSV reader.

Its own module (importing only the error types) so that readers low in the import graph, such
as the census tables the code master depends on, can use it without a cycle.
"""

from __future__ import annotations

import re

from sousei.io.errors import InputError

__all__ = ["decode_csv", "parser_row"]


def decode_csv(data: bytes, file: str) -> str:
    """The text of an uploaded CSV: UTF-8 (with or without BOM) or Excel's cp932 on Japanese
    Windows, or UTF-16 with its BOM (Excel's 「Unicode テキスト」); anything else is refused by
    name and row instead of read as garbage."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _undecodable(data, error, file, "UTF-16 として読めません") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp932")
        except UnicodeDecodeError:
            raise _undecodable(data, utf8_error, file, "文字コードが UTF-8 でも Shift_JIS でもありません") from None


def _undecodable(data: bytes, error: UnicodeDecodeError, file: str, message: str) -> InputError:
    """The row of the first byte that cannot be read, so a user finds the damaged line."""
    start = data.rfind(b"\n", 0, error.start) + 1
    row = data.count(b"\n", 0, error.start) + 1
    return InputError(f"{message} ({error.start - start + 1}バイト目)", file, None, row)


def parser_row(error: Exception) -> int:
    """The line pandas names in a parser error ("... in line 7 ..."), else the header row."""
    match = re.search(r"line (\d+)", str(error))
    return int(match[1]) if match else 1
