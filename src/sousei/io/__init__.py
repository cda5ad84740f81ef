"""Readers and writers for the outside formats; errors name file, sheet, row and column.

The public entry points are re-exported here; the shipped tables are in
:mod:`sousei.io.shipped`, codes in :mod:`sousei.io.codes` and :mod:`sousei.io.mergers`.
"""

from sousei.io.census import CensusTables, read_census
from sousei.io.convert import frame_to_population, population_to_frame
from sousei.io.errors import InputError
from sousei.io.foreign_residents import read_foreign_residents, read_foreign_residents_file
from sousei.io.hmd import read_female_lifetable, read_hfd_asfr, read_hmd_mx
from sousei.io.ipss import read_ipss2018, read_ipss2018_areas
from sousei.io.layout import COLUMNS
from sousei.io.long_format import (
    read_long,
    read_long_csv,
    read_long_xlsx,
    write_long,
    write_long_csv,
    write_long_xlsx,
)
from sousei.io.moves import read_moves, read_moves_file
from sousei.io.national import read_national_sex_age
from sousei.io.tfr import read_municipal_tfr, read_national_tfr_assumption, read_prefecture_tfr

__all__ = [
    "COLUMNS",
    "CensusTables",
    "InputError",
    "frame_to_population",
    "population_to_frame",
    "read_census",
    "read_female_lifetable",
    "read_foreign_residents",
    "read_foreign_residents_file",
    "read_hfd_asfr",
    "read_hmd_mx",
    "read_ipss2018",
    "read_ipss2018_areas",
    "read_long",
    "read_long_csv",
    "read_long_xlsx",
    "read_moves",
    "read_moves_file",
    "read_municipal_tfr",
    "read_national_sex_age",
    "read_national_tfr_assumption",
    "read_prefecture_tfr",
    "write_long",
    "write_long_csv",
    "write_long_xlsx",
]
