"""Net migration by age and sex on the current-state page, and the moves-by-age upload.

Two views of the same question, "which ages leave and which arrive?": the census residuals of
every period 1980→1985 … 2010→2015 (always available for the organisation's areas, summed for a
partnership), and, once uploaded, the 住基 in- and out-moves by age of the latest years.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from django.db.models import Max
from django.http import HttpRequest

from sousei.demography.ages import AGE_LABELS_JA, AGE_STARTS, SEXES
from sousei.io.flows.moves_by_age import read_moves_by_age
from sousei.japanese import format_number, format_percent
from sousei.vision.net_migration import CENSUS_SOURCE, TRANSITIONS, organisation_net_migration
from sousei.web.strategies.versioning import create_audited
from sousei.web.vision.charts import lines_svg, signed_bars_svg
from sousei.web.vision.data import census_codes, organisation_codes
from sousei.web.vision.models import MovesByAge

SEX_NAMES = {"M": "男性", "F": "女性"}
UPLOAD_YEARS = 3
# The chart's x axis names the age at the start of each period (the table has the full label).
SHORT_LABELS = [label.split("→")[0] for label in TRANSITIONS]


def store_moves_by_age(request: HttpRequest, organisation, upload, source: str) -> MovesByAge:
    """Validate the file against the organisation's areas and store it as the next version."""
    allowed = set(organisation_codes(organisation)) | set(census_codes(organisation))
    frame = read_moves_by_age(upload.read(), upload.name, allowed)
    latest = organisation.moves_by_age.aggregate(v=Max("version"))["v"] or 0
    rows = [{k: (v if isinstance(v, str) else int(v)) for k, v in r.items()}
            for r in frame.to_dict("records")]
    return create_audited(request.user, MovesByAge(
        organisation=organisation, version=latest + 1, source=source, file_name=upload.name,
        rows=rows, uploaded_by=request.user,
    ), "moves_by_age.upload")


@lru_cache(maxsize=64)
def _census_panels(codes: tuple[str, ...]) -> tuple[dict, ...]:
    """Cached per areas: the census never changes while the server runs (150 ms saved)."""
    result = organisation_net_migration(codes)
    periods = list(result.period_labels())
    panels = []
    for s, sex in enumerate(SEXES):
        persons = result.persons[:, 0, s]  # (period, transition)
        rates = result.rates[:, 0, s]
        title = f"年齢階級別純移動数の時系列分析({SEX_NAMES[sex]})"
        panels.append({
            "sex": SEX_NAMES[sex], "key": sex.lower(), "periods": periods,
            "svg": lines_svg(SHORT_LABELS, {p: list(v) for p, v in zip(periods, persons, strict=True)},
                             title, every=2),
            "rows": [{"label": label,
                      "persons": [format_number(v) for v in persons[:, i]],
                      "rates": [format_percent(100 * v) for v in rates[:, i]]}
                     for i, label in enumerate(TRANSITIONS)],
            "total": [format_number(v) for v in persons.sum(axis=1)],
        })
    return tuple(panels)


def _upload_tables(organisation) -> tuple[list[dict], str]:
    latest = MovesByAge.latest_for(organisation)
    if latest is None:
        return [], ""
    years = sorted({r["year"] for r in latest.rows})[-UPLOAD_YEARS:]
    values = np.zeros((len(years), 2, len(AGE_STARTS), 2))  # year, sex, age, in/out
    for r in latest.rows:
        if r["year"] in years:
            index = (years.index(r["year"]), SEXES.index(r["sex"]), AGE_STARTS.index(r["age_start"]))
            values[index] += (r["in_moves"], r["out_moves"])
    tables = []
    for k, year in enumerate(reversed(years)):
        block = values[len(years) - 1 - k]
        rows = []
        for a, label in enumerate((*AGE_LABELS_JA, "総数")):
            cells = block[:, a] if a < len(AGE_STARTS) else block.sum(axis=1)
            rows.append({"label": label, "cells": [
                format_number(v) for s in range(2)
                for v in (cells[s, 0], cells[s, 1], cells[s, 0] - cells[s, 1])]})
        net = block[:, :, 0] - block[:, :, 1]  # (sex, age)
        chart = signed_bars_svg(list(AGE_LABELS_JA), {"男性": list(net[0]), "女性": list(net[1])},
                                f"年齢別純移動数({year}年、転入 − 転出)")
        tables.append({"year": year, "rows": rows, "chart": chart})
    return tables, f"{latest.source}({latest.file_name} 第{latest.version}版)"


def net_migration_context(organisation, codes: tuple[str, ...]) -> dict:
    """What vision/_net_migration.html shows: census panels by sex and the upload's tables."""
    tables, source = _upload_tables(organisation)
    return {
        "net_migration_panels": _census_panels(tuple(codes)) if codes else (),
        "net_migration_source": CENSUS_SOURCE,
        "moves_tables": tables,
        "moves_source": source,
    }
