"""和暦 <-> 西暦 for calendar years and fiscal years.

Year-level conversion cannot know the day, so a year in which an era begins is named after the
new era (2019 -> 令和元年, 1989 -> 平成元年), as municipal documents do for fiscal years
(令和元年度 = FY2019). Parsing still accepts the old era's last year (平成31年 = 2019).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


class EraError(ValueError):
    """A year or fiscal-year text that cannot be read; the message is Japanese."""


@dataclass(frozen=True)
class Era:
    name: str
    letter: str
    first_year: int  # Western year of 元年
    last_year: int | None  # Western year of the final year, None while current


ERAS: tuple[Era, ...] = (
    Era("明治", "M", 1868, 1912),
    Era("大正", "T", 1912, 1926),
    Era("昭和", "S", 1926, 1989),
    Era("平成", "H", 1989, 2019),
    Era("令和", "R", 2019, None),
)
_BY_KEY = {era.name: era for era in ERAS} | {era.letter: era for era in ERAS}

_ERA_RE = re.compile(
    r"^(?P<era>明治|大正|昭和|平成|令和|[MTSHR])\.?\s*(?P<year>元|\d{1,2})\s*"
    r"(?:\(\s*(?P<west>\d{4})\s*\))?\s*(?P<suffix>年度|年)?$"
)
_WEST_RE = re.compile(r"^(?P<year>\d{4})\s*(?P<suffix>年度|年)?$")


def _normalise(text: str) -> str:
    """Full-width digits and letters to ASCII, upper-case era letters, no outer spaces."""
    return unicodedata.normalize("NFKC", str(text)).strip().upper().replace("（", "(")


def to_western(era: str, year: int) -> int:
    """Western year of `era` year `year` (令和, R, 平成, H ...); 元年 is year 1."""
    found = _BY_KEY.get(_normalise(era))
    if found is None:
        raise EraError(f"不明な元号です: {era!r}")
    west = found.first_year + year - 1
    if year < 1 or (found.last_year is not None and west > found.last_year):
        raise EraError(f"{found.name}{year}年は存在しません")
    return west


def to_era(year: int) -> tuple[str, int]:
    """(元号, era year) for a Western year, naming a year of change after the new era."""
    for era in reversed(ERAS):
        if year >= era.first_year:
            return era.name, year - era.first_year + 1
    raise EraError(f"{year}年は明治より前で扱えません")


def _era_year_text(era_year: int) -> str:
    return "元" if era_year == 1 else str(era_year)


def format_year_prose(year: int) -> str:
    """`令和7(2025)年`: the style of years in running text."""
    name, era_year = to_era(year)
    return f"{name}{_era_year_text(era_year)}({year})年"


def format_fiscal_year(fiscal_year: int) -> str:
    """`令和7年度` for FY2025 (April 2025 to March 2026)."""
    name, era_year = to_era(fiscal_year)
    return f"{name}{_era_year_text(era_year)}年度"


def format_era_short(year: int) -> str:
    """`R7`, as table headers print years; 元年 is written 1 (`R1`)."""
    name, era_year = to_era(year)
    return f"{_BY_KEY[name].letter}{era_year}"


def parse_year(text: str | int) -> int:
    """Western year from `2025`, `令和7年`, `R7`, `令和元年`, `H31`, `令和7(2025)年`, `２０２５年`.

    When both an era year and a Western year are written they must agree.
    """
    if isinstance(text, int):
        return text
    norm = _normalise(text)
    match = _WEST_RE.match(norm)
    if match:
        return int(match["year"])
    match = _ERA_RE.match(norm)
    if not match:
        raise EraError(f"年として読めません: {text!r}")
    era_year = 1 if match["year"] == "元" else int(match["year"])
    west = to_western(match["era"], era_year)
    if match["west"] and int(match["west"]) != west:
        raise EraError(f"和暦と西暦が一致しません: {text!r}")
    return west


def parse_fiscal_year(text: str | int) -> int:
    """Fiscal year (the Western year in which it starts) from a header or cell.

    Accepts `令和6年度`, `R6`, `R2/実績値`, `2024`, `2024年度`, `R7年度実績`; the part after a
    `/` or a trailing 実績/実績値 is a label, not part of the year.
    """
    if isinstance(text, int):
        return text
    norm = _normalise(text)
    head = re.split(r"[/／\n]", norm, maxsplit=1)[0].strip()
    head = re.sub(r"(実績値|実績|見込み?|末)$", "", head).strip()
    try:
        return parse_year(head)
    except EraError:
        raise EraError(f"年度として読めません: {text!r}") from None
