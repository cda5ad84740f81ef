"""Writing a scenario mapping back as a TOML scenario file (the web's "TOMLで保存").

The standard library reads TOML but does not write it; the scenario schema is small (scalars,
tables, arrays of tables, and one inline table for TFR points), so this writes exactly that and
`read_scenario` reads the result back into the same mapping.
"""

from __future__ import annotations

import json
import math
from typing import Any

from sousei.io.errors import InputError


def _value(value: Any, key: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(f"{key} の値 {value} はTOMLに書けません", column=key)
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if value == []:
        return "[]"
    if isinstance(value, dict):
        inner = ", ".join(f"{_key(k)} = {_value(v, f'{key}.{k}')}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    raise InputError(f"{key} の値 {value!r} はTOMLに書けません", column=key)


def _string(text: str) -> str:
    # A JSON string is a TOML basic string, except that TOML also escapes DEL.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _key(key: Any) -> str:
    text = str(key)
    bare = text and all(c.isascii() and (c.isalnum() or c in "-_") for c in text)
    return text if bare else _string(text)


def _pairs(table: dict[str, Any], where: str) -> list[str]:
    return [f"{_key(k)} = {_value(v, f'{where}{k}')}" for k, v in table.items()]


def scenario_to_toml(mapping: dict[str, Any]) -> str:
    """The text of a scenario file whose parsed TOML equals ``mapping``."""
    scalars = {k: v for k, v in mapping.items() if not isinstance(v, dict | list) or v == []}
    lines = _pairs(scalars, "")
    for key, value in mapping.items():
        if isinstance(value, dict):
            lines += ["", f"[{_key(key)}]", *_pairs(value, f"{key}.")]
        elif isinstance(value, list) and value:
            for index, entry in enumerate(value):
                if not isinstance(entry, dict):
                    raise InputError(f"{key} は表の配列にしてください", column=key)
                lines += ["", f"[[{_key(key)}]]", *_pairs(entry, f"{key}[{index}].")]
    return "\n".join(lines) + "\n"
