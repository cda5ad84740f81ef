"""Which data rows a user means by "--area 那珂川市", "--prefecture 40" or "--all".

Users name today's municipalities; the shipped census and IPSS tables use the codes of 2015
(40305 那珂川町 became 40231 那珂川市 in 2018). This module maps one to the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from sousei.io.reference.codes import AreaCodeError, municipalities_of, resolve_area
from sousei.io.reference.mergers import code_mapping
from sousei.vision.inputs import census_regions
from sousei.vision.ipss_reference import ipss2018_figures


@cache
def _data_code_of_current() -> dict[str, str]:
    """Current code -> the 2015 code of the shipped tables (identity for most)."""
    mapping = code_mapping(list(census_regions()), since="2015-10-01")
    return {current: old for old, current in mapping.items()}


def data_codes(
    areas: Sequence[str] = (), prefecture: str | None = None, every: bool = False
) -> tuple[str, ...]:
    """The 2015 codes behind the user's choice, in the order given (or by code)."""
    data = set(census_regions())
    to_data = _data_code_of_current()
    if every:
        return tuple(sorted(data))
    chosen: list[str] = []
    if prefecture is not None:
        chosen += [to_data.get(code, code) for code in municipalities_of(prefecture)]
    for text in areas:
        code = resolve_area(text)
        code = code if code in data else to_data.get(code, code)
        if code not in data:
            raise AreaCodeError(
                f"{text} ({code}) の人口データがありません (市区町村単位のデータのみ収録しています)"
            )
        chosen.append(code)
    if not chosen:
        raise AreaCodeError("--area、--prefecture、--all のいずれかで地域を指定してください")
    return tuple(dict.fromkeys(code for code in chosen if code in data))


def ipss_totals(areas: Sequence[str]) -> dict[int, float]:
    """IPSS 2018 total population per year (2015-2045) of the areas together.

    Areas are what a user names (codes or names, current codes mapped to the 2015 data's);
    nothing is returned when IPSS lacks one of them, since a partial sum would mislead.
    """
    try:
        codes = data_codes(tuple(areas))
    except AreaCodeError:
        return {}
    figures = ipss2018_figures(codes)
    return figures.column("total") if figures is not None else {}
