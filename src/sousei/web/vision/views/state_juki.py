"""The current-state figures sousei ships for every municipality: 人口動態 2012-2020 and the
Japanese/foreign totals 2013-2021 of the 総務省 住基 tables (``sousei.vision.juki_series``).

An uploaded vital statistics file takes precedence (it is the municipality's own); without one
the page still shows the series, named as the 住基 tables."""

from __future__ import annotations

from sousei.demography.indicators import VitalYear
from sousei.io.reference.codes import AreaCodeError, normalize_code
from sousei.japanese import format_number, format_percent
from sousei.vision.juki_series import (
    TOTALS_SOURCE,
    VITAL_SOURCE,
    juki_resident_totals,
    juki_vital_years,
)
from sousei.web.vision.data import organisation_codes
from sousei.web.vision.models import VitalStatistics


def _codes(organisation) -> tuple[str, ...]:
    try:
        return tuple(normalize_code(code) for code in organisation_codes(organisation))
    except AreaCodeError:
        return ()


def vital_years(organisation) -> tuple[list[VitalYear], str]:
    """(years, source): the latest upload, else the shipped 住基 series (empty if neither)."""
    latest = VitalStatistics.latest_for(organisation)
    if latest is not None:
        return ([VitalYear(**r) for r in latest.rows],
                f"{latest.source}({latest.file_name} 第{latest.version}版)")
    codes = _codes(organisation)
    years = list(juki_vital_years(codes)) if codes else []
    return years, VITAL_SOURCE if years else ""


def resident_totals_context(organisation) -> dict:
    """Rows of the 日本人・外国人 table (each date, △ for falls) and their source."""
    codes = _codes(organisation)
    totals = juki_resident_totals(codes) if codes else ()
    rows = [{"date": t.date.replace("-", "/"), "total": format_number(t.total),
             "japanese": format_number(t.japanese), "foreign": format_number(t.foreign),
             "share": format_percent(100 * t.foreign_share, 2)} for t in totals]
    return {"resident_totals": rows, "resident_totals_source": TOTALS_SOURCE if rows else ""}
