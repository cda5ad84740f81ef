"""Scenario mappings written as TOML read back as the same mapping and the same scenario."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sousei.io.scenario import read_scenario, scenario_from_mapping, scenario_to_toml

EVERY_FIELD = {
    "name": "希望出生率と\"若者\"定着",
    "description": "2060年に2.07\n(国の長期ビジョン)",
    "tfr": {"points": {"2030": 1.6, "2040": 1.8, "2060": 2.07}},
    "migration": [
        {"ages": "10-29", "sex": "both", "change_points": 0.5},
        {"ages": "20-24", "sex": "F", "change_points": -0.25, "from": 2025},
    ],
    "migration_variant": {"kind": "converging", "fraction": 0.5, "by": 2040},
    "foreign": {"share": 10.8, "by": 2070},
}


def test_every_field_round_trips(tmp_path: Path) -> None:
    text = scenario_to_toml(EVERY_FIELD)
    assert "points = { 2030 = 1.6, 2040 = 1.8, 2060 = 2.07 }" in text
    assert text.count("[[migration]]") == 2
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    assert tomllib.loads(text) == EVERY_FIELD
    scenario = read_scenario(path)
    assert scenario == scenario_from_mapping(EVERY_FIELD)
    assert scenario.tfr.points == ((2030, 1.6), (2040, 1.8), (2060, 2.07))
    assert (scenario.migration_variant, scenario.convergence_fraction,
            scenario.convergence_year) == ("converging", 0.5, 2040)
    assert scenario.migration[1].start_year == 2025


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
numbers = st.floats(allow_nan=False, allow_infinity=False) | st.integers(-10**6, 10**6)
scalars = texts | numbers | st.booleans()
tables = st.dictionaries(texts, scalars | st.dictionaries(texts, numbers, max_size=3),
                         max_size=4)


@given(top=st.dictionaries(texts, scalars, max_size=3), table=tables,
       entries=st.lists(st.dictionaries(texts, scalars, max_size=3), max_size=3))
def test_any_mapping_of_the_schema_round_trips(top, table, entries) -> None:
    mapping = {**top, "tfr": table, "migration": entries}
    assert tomllib.loads(scenario_to_toml(mapping)) == mapping
