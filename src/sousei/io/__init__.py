"""Readers and writers for the outside formats; errors name file, sheet, row and column.

Grouped by what they read: :mod:`sousei.io.population` (census, e-Stat, 住基 tables, the long
layout), :mod:`sousei.io.reference` (IPSS, HMD/HFD, TFR, codes, mergers, shipped tables),
:mod:`sousei.io.flows` (vital statistics, moves, foreign residents), :mod:`sousei.io.strategy`
(事業一覧 workbooks, project sheets, entry templates, comments), and :mod:`sousei.io.scenario`.

The entry points a notebook user needs are importable from here (``from sousei.io import
read_population``). They are loaded on first use, so that importing one reader (as the CLI does)
does not import pandas, openpyxl and every other format with it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "InputError": "sousei.io.errors",
    "WorkbookError": "sousei.io.errors",
    "COLUMNS": "sousei.io.population.layout",
    "read_population": "sousei.io.population.read",
    "read_long": "sousei.io.population.long_format",
    "read_long_csv": "sousei.io.population.long_format",
    "read_long_xlsx": "sousei.io.population.long_format",
    "write_long": "sousei.io.population.long_format",
    "write_long_csv": "sousei.io.population.long_format",
    "write_long_xlsx": "sousei.io.population.long_format",
    "read_age_table": "sousei.io.population.age_table",
    "CensusTables": "sousei.io.population.census",
    "read_census": "sousei.io.population.census",
    "frame_to_population": "sousei.io.population.convert",
    "population_to_frame": "sousei.io.population.convert",
    "read_ipss2018": "sousei.io.reference.ipss",
    "read_ipss2018_areas": "sousei.io.reference.ipss",
    "read_female_lifetable": "sousei.io.reference.hmd",
    "read_hfd_asfr": "sousei.io.reference.hmd",
    "read_hmd_mx": "sousei.io.reference.hmd",
    "read_national_sex_age": "sousei.io.reference.national",
    "read_municipal_tfr": "sousei.io.reference.tfr",
    "read_national_tfr_assumption": "sousei.io.reference.tfr",
    "read_prefecture_tfr": "sousei.io.reference.tfr",
    "read_vital_statistics": "sousei.io.flows.vital_stats",
    "read_moves": "sousei.io.flows.moves",
    "read_moves_file": "sousei.io.flows.moves",
    "read_moves_by_age": "sousei.io.flows.moves_by_age",
    "read_foreign_residents": "sousei.io.flows.foreign_residents",
    "read_foreign_residents_file": "sousei.io.flows.foreign_residents",
    "read_progress_workbook": "sousei.io.strategy.progress",
    "write_progress_workbook": "sousei.io.strategy.progress",
    "read_project_sheets": "sousei.io.strategy.project_sheet",
    "write_project_sheets": "sousei.io.strategy.project_sheet",
    "write_entry_template": "sousei.io.strategy.entry_template",
    "read_comments": "sousei.io.strategy.comments",
    "read_scenario": "sousei.io.scenario",
    "scenario_from_mapping": "sousei.io.scenario",
    "scenario_to_toml": "sousei.io.scenario",
    "write_projection": "sousei.io.projection",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sousei.io' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
