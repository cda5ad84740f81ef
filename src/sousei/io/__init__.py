"""Readers and writers for the outside formats; errors name file, sheet, row and column.

The public entry points are re-exported here; the shipped tables are in
:mod:`sousei.io.reference.shipped`, codes in :mod:`sousei.io.reference.codes` and :mod:`sousei.io.reference.mergers`.
"""

from sousei.io.errors import InputError
from sousei.io.flows.foreign_residents import read_foreign_residents, read_foreign_residents_file
from sousei.io.flows.moves import read_moves, read_moves_file
from sousei.io.population.census import CensusTables, read_census
from sousei.io.population.convert import frame_to_population, population_to_frame
from sousei.io.population.layout import COLUMNS
from sousei.io.population.long_format import (
    read_long,
    read_long_csv,
    read_long_xlsx,
    write_long,
    write_long_csv,
    write_long_xlsx,
)
from sousei.io.reference.hmd import read_female_lifetable, read_hfd_asfr, read_hmd_mx
from sousei.io.reference.ipss import read_ipss2018, read_ipss2018_areas
from sousei.io.reference.national import read_national_sex_age
from sousei.io.reference.tfr import (
    read_municipal_tfr,
    read_national_tfr_assumption,
    read_prefecture_tfr,
)

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
