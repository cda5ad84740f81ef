"""Fuzzed scenario TOML reader, from the example scenario files: values replaced by odd TOML
(inf, nan, 1e400, huge integers, tables where numbers belong, deep nesting), tables turned
into arrays and back, the file re-encoded (cp932, UTF-16) or damaged."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sousei.io.scenario import read_scenario
from tests.io.fuzz.mutations import EXAMPLES, FUZZ, damaged_bytes
from tests.io.fuzz.refusal import reads_or_refuses

pytestmark = pytest.mark.slow

BASES = sorted(p.read_text(encoding="utf-8") for p in EXAMPLES.glob("*.toml"))
ODD_VALUES = [
    "inf", "-inf", "nan", "1e400", "1e308", "-1", "0", "99999999999999999999999999", "1.5",
    "-0.0", "1e40", '"x"', '""', '"10-29"', '"0-4"', '"男"', "[]", "{}", "{ a = 1 }", "[[1]]",
    "true", "2020-01-01", "[2020, 2030]", "{ 2030 = 1.6, 2040 = inf }", '{ "x" = 1 }',
    "{ 2030 = 1e400 }", "[" * 300 + "]" * 300, "{ a = " * 300 + "1" + " }" * 300,
]
EXTRA_TABLES = [
    '\n[migration]\nages = "10-29"\nchange = 0.1\n', '\nmigration = 1\n', '\ntfr = 1\n',
    '\n[foreign]\nshare = 1e400\nby = 2070\n', '\n[migration_variant]\nkind = "zero"\n',
    '\n[[migration]]\nages = "10-29"\nchange_points_per_year = inf\n',
    '\n[[tfr]]\nchange = 1\n', '\nname = 1\n', '\n[migration_variant]\nfraction = nan\nby = 1e9\n',
]
LINE = re.compile(r"^(\s*[\w\"]+\s*=\s*)(.*)$", re.M)


@st.composite
def scenario_text(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(BASES))
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["value", "value", "table", "header", "drop"]))
        lines = list(LINE.finditer(text))
        if op == "value" and lines:
            match = draw(st.sampled_from(lines))
            value = draw(st.one_of(st.sampled_from(ODD_VALUES), st.integers().map(str),
                                   st.floats().map(lambda f: repr(f).replace("nan", "nan"))))
            text = text[: match.start(2)] + value + text[match.end(2):]
        elif op == "table":
            text += draw(st.sampled_from(EXTRA_TABLES))
        elif op == "header":
            text = text.replace("[[migration]]", "[migration]").replace("[tfr]", "[[tfr]]")
        elif lines:
            match = draw(st.sampled_from(lines))
            text = text[: match.start()] + text[match.end():]
    return text


@st.composite
def scenario_bytes(draw: st.DrawFn) -> bytes:
    text = draw(scenario_text())
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp932", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    return draw(damaged_bytes(data)) if draw(st.integers(0, 4)) == 0 else data


@FUZZ
@given(scenario_bytes())
def test_scenario_toml(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "scenario.toml")
        path.write_bytes(data)
        reads_or_refuses(lambda: read_scenario(path), str(path))
