"""The current-state sections on moves by counterpart and on foreign residents.

Figures come from the latest upload of each kind through the same analysis the report uses
(``sousei.vision.moves``, ``sousei.vision.foreign``); here they are only formatted (△ for
falls, shares in per cent) and drawn with the page's SVG helpers. Without an upload a section
says what to upload instead of showing anything made up.
"""

from __future__ import annotations

from functools import lru_cache

from sousei.japanese import format_number, format_percent, format_year_prose
from sousei.vision.foreign import (
    ForeignSummary,
    Group,
    Trend,
    foreign_frame,
    summarise_foreign,
    trend,
)
from sousei.vision.moves import Flow, MoveSummary, RankedFlow, moves_frame, summarise_moves
from sousei.web.accounts.models import Organisation
from sousei.web.vision.charts import signed_bars_svg, stacked_bars_svg
from sousei.web.vision.models import ForeignResidents, MovesByArea


def _percent(value: float | None) -> str:
    return format_percent(value) if value is not None else "—"


def _ranked(rows: list[RankedFlow]) -> list[dict]:
    return [{"rank": r.rank, "name": r.flow.name, "in_moves": format_number(r.flow.in_moves),
             "out_moves": format_number(r.flow.out_moves), "net": format_number(r.flow.net),
             "in_share": _percent(r.in_share), "out_share": _percent(r.out_share)} for r in rows]


def _flow(flow: Flow) -> dict:
    return {"name": flow.name, "in_moves": format_number(flow.in_moves),
            "out_moves": format_number(flow.out_moves), "net": format_number(flow.net)}


def _net_chart(rows: list[RankedFlow], label: str) -> str:
    return signed_bars_svg([r.flow.name for r in rows], {"増減(転入超過数)": [
        float(r.flow.net) for r in rows]}, label) if rows else ""


@lru_cache(maxsize=64)
def _move_summary(pk: int, uploaded_at: object) -> MoveSummary:
    """Per stored upload (its rows never change), so a page view does not redo the analysis;
    the upload time guards against a primary key reused after a rollback."""
    return summarise_moves(moves_frame(MovesByArea.objects.get(pk=pk).rows))


@lru_cache(maxsize=64)
def _foreign_summary(pk: int, uploaded_at: object) -> tuple[ForeignSummary, Trend]:
    """The latest year's summary and the nationality table over every uploaded year."""
    frame = foreign_frame(ForeignResidents.objects.get(pk=pk).rows)
    return summarise_foreign(frame), trend(frame, "nationality")


def moves_section(organisation: Organisation) -> dict | None:
    upload = MovesByArea.latest_for(organisation, "rows")
    if upload is None:
        return None
    summary = _move_summary(upload.pk, upload.uploaded_at)
    year = summary.year
    return {
        "year": year, "year_prose": format_year_prose(year), "total": _flow(summary.total), "total_given": summary.total_given,
        "other": _flow(summary.other) if summary.other else None,
        "net_in": _ranked(summary.net_in), "net_out": _ranked(summary.net_out),
        "municipal_in": _ranked(summary.municipal_net_in),
        "municipal_out": _ranked(summary.municipal_net_out),
        "net_in_chart": _net_chart(summary.net_in, f"転入超過の多い相手先({format_year_prose(year)})"),
        "net_out_chart": _net_chart(summary.net_out, f"転出超過の多い相手先({format_year_prose(year)})"),
        "metropolitan": [_flow(f) for f in summary.metropolitan],
        "source": upload.source_line,
    }


def _groups(groups: list[Group]) -> list[dict]:
    return [{"rank": i + 1, "name": g.name, "persons": format_number(g.persons),
             "share": _percent(g.share),
             "change": format_number(g.change) if g.change is not None else "—"}
            for i, g in enumerate(groups)]


def _bars(groups: list[Group], label: str) -> str:
    return stacked_bars_svg([g.name for g in groups], {"人数": [float(g.persons)
                                                               for g in groups]}, label)


def foreign_section(organisation: Organisation) -> dict | None:
    upload = ForeignResidents.latest_for(organisation, "rows")
    if upload is None:
        return None
    summary, history = _foreign_summary(upload.pk, upload.uploaded_at)
    year = summary.year
    return {
        "year": year, "year_prose": format_year_prose(year),
        "total": format_number(summary.total),
        "previous_year": summary.previous_year,
        "total_change": format_number(summary.total_change)
        if summary.total_change is not None else None,
        "nationalities": _groups(summary.nationalities),
        "statuses": _groups(summary.statuses),
        "nationality_chart": _bars(summary.nationalities, f"国籍・地域別の在留外国人({format_year_prose(year)})")
        if summary.nationalities else "",
        "status_chart": _bars(summary.statuses, f"在留資格別の在留外国人({format_year_prose(year)})")
        if summary.statuses else "",
        "trend_years": history.years if len(history.years) > 1 else (),
        "trend": [{"name": name, "persons": [format_number(v) if v is not None else "—"
                                             for v in values]} for name, values in history.rows],
        "source": upload.source_line,
    }


def area_sections(organisation: Organisation) -> dict:
    """Context of the two sections (each None until its first upload)."""
    return {"moves": moves_section(organisation), "foreign": foreign_section(organisation)}
