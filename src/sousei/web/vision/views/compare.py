"""The comparison page: the organisation's municipalities among their prefecture's, on any
indicator, sortable, its own areas highlighted, with the ranking chart."""

from __future__ import annotations

import pandas as pd
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.io.reference.codes import area_name, municipalities_of
from sousei.japanese import format_number, format_percent
from sousei.vision.areas import data_codes
from sousei.vision.compare import INDICATORS as ENGINE_INDICATORS
from sousei.vision.compare import compare
from sousei.web.accounts.access import organisation_for
from sousei.web.vision.compare_chart import ranking_svg
from sousei.web.vision.compare_kpi import KPI_INDICATORS
from sousei.web.vision.data import census_codes

SORTS = {"value": "値", "code": "地域コード", "name": "地域名"}
INDICATORS = {**ENGINE_INDICATORS, **KPI_INDICATORS}
PREFECTURES = [f"{i:02d}" for i in range(1, 48)]


def prefecture_name(code: str) -> str:
    return area_name(f"{code}000")


def _text(value: float, kind: str) -> str:
    if value != value:
        return "—"
    if kind == "percent":
        return format_percent(100 * value)
    return f"{value:.2f}" if kind == "tfr" else format_number(value)


@login_required
def compare_page(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(request, pk)
    own = set(census_codes(organisation))
    prefectures = sorted({code[:2] for code in own}) or ["40"]
    prefecture = request.GET.get("prefecture", prefectures[0])
    if prefecture not in PREFECTURES:
        prefecture = prefectures[0]
    indicator = request.GET.get("indicator", "change_baseline")
    indicator = indicator if indicator in INDICATORS else "change_baseline"
    sort = request.GET.get("sort", "value")
    sort = sort if sort in SORTS else "value"
    ascending = request.GET.get("order") == "asc"
    codes = data_codes(municipalities_of(prefecture))
    frame = compare(codes, indicator, INDICATORS)
    frame = frame.sort_values([SORTS[sort], "地域コード"], ascending=[ascending, True],
                              na_position="last", ignore_index=True)
    spec = INDICATORS[indicator]
    rows = [{"rank": "" if pd.isna(r.順位) else int(r.順位), "code": r.地域コード,
             "name": r.地域名, "value": _text(r.値, spec.kind), "own": r.地域コード in own}
            for r in frame.itertuples(index=False)]
    chart = ranking_svg([(r["name"], None if v != v else float(v), r["own"])
                         for r, v in zip(rows, frame["値"], strict=True)],
                        spec.label, [r["value"] for r in rows])
    return render(request, "vision/compare.html", {
        "organisation": organisation, "rows": rows, "chart": chart, "indicator": indicator,
        "indicators": [(name, i.label) for name, i in INDICATORS.items()], "spec": spec,
        "sort": sort, "ascending": ascending, "prefecture": prefecture,
        "prefecture_name": prefecture_name(prefecture),
        "prefectures": [(code, prefecture_name(code)) for code in PREFECTURES],
    })
