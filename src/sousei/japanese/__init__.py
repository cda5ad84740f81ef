"""Japanese display and parsing conventions (和暦, △ negatives, 万/千, %), shared by every layer.

Pure functions only: the cores, the readers, the reports and the web all format and parse the
same way, so a value printed by one layer reads back identically in another.
"""

from sousei.japanese.era import (
    EraError,
    format_era_short,
    format_fiscal_year,
    format_year_prose,
    parse_fiscal_year,
    parse_year,
    to_era,
    to_western,
)
from sousei.japanese.numbers import (
    NumberError,
    ParsedNumber,
    format_number,
    format_percent,
    format_thousand_yen,
    parse_number,
    round_half_up,
)
from sousei.japanese.quantity import EXCEL_FORMATS, Quantity, format_quantity

__all__ = [
    "EXCEL_FORMATS",
    "EraError",
    "NumberError",
    "ParsedNumber",
    "Quantity",
    "format_era_short",
    "format_fiscal_year",
    "format_number",
    "format_percent",
    "format_quantity",
    "format_thousand_yen",
    "format_year_prose",
    "parse_fiscal_year",
    "parse_number",
    "parse_year",
    "round_half_up",
    "to_era",
    "to_western",
]
