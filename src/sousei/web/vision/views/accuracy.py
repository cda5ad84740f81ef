"""「この推計方法の過去の精度」: the user's own municipality's backtests beside its size class.

The same figures as `sousei backtest --area X`: hindcasts from the 1995-2010 censuses with
only the data of their base year, against the census and the naive growth extrapolation, and
the spread of every municipality's errors in the same size class (the prediction intervals'
error model).
"""

from __future__ import annotations

import numpy as np
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.japanese import format_number, format_percent
from sousei.vision.backtest import area_errors, backtest_errors, summarise
from sousei.vision.intervals import shipped_model
from sousei.web.accounts.access import organisation_for
from sousei.web.vision.charts import lines_svg
from sousei.web.vision.data import census_codes


def _percent(value: float) -> str:
    return "—" if value is None or np.isnan(value) else format_percent(value)


def _own_rows(rows) -> list[list[str]]:
    return [[f"{r.base_year}年", f"{r.target_year}年", f"{r.horizon}年",
             "—" if np.isnan(r.projected) else format_number(r.projected),
             format_number(r.observed), _percent(r.error_pct),
             "—" if np.isnan(r.naive) else format_number(r.naive), _percent(r.naive_error_pct)]
            for r in rows.itertuples()]


def _class_rows(size_class: str) -> list[list[str]]:
    """Per horizon: towns, median and 90% point of |error|, the 80% range, naive, share better."""
    summary = summarise(backtest_errors())
    summary = summary[summary["size_class"] == size_class]
    model = shipped_model(2015)
    model = model[model["size_class"] == size_class].set_index("horizon")
    rows = []
    for r in summary.itertuples():
        low, high = (100 * np.expm1(model.loc[r.horizon, q]) for q in ("q100", "q900"))
        rows.append([f"{r.horizon}年", format_number(r.municipalities), _percent(r.median),
                     _percent(r.p90), f"{_percent(low)}～{_percent(high)}",
                     _percent(r.naive_median), format_percent(100 * r.better_than_naive)])
    return rows


def _chart(rows) -> str:
    """The municipality's own absolute errors by horizon, one line per base, with naive's."""
    horizons = sorted(rows["horizon"].unique())
    series = {}
    for base, part in rows.groupby("base_year"):
        by = dict(zip(part["horizon"], part["error_pct"].abs(), strict=True))
        series[f"{base}年基準"] = [by.get(h) for h in horizons]
    naive = rows.groupby("horizon")["naive_error_pct"].apply(lambda v: v.abs().mean())
    series["単純延長 (平均)"] = [naive.get(h) for h in horizons]
    clean = {k: [None if v is None or np.isnan(v) else float(v) for v in vs]
             for k, vs in series.items()}
    return lines_svg([f"{h}年後" for h in horizons], clean, "推計誤差(絶対値, %)の推計年数別",
                     every=1)


@login_required
def accuracy_page(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(request, pk)
    codes = census_codes(organisation)
    context: dict = {"organisation": organisation, "areas": [], "area": None}
    if codes:
        errors = area_errors(codes)
        names = dict(zip(errors["area_code"], errors["name"], strict=False))
        area = request.GET.get("area") if request.GET.get("area") in codes else codes[0]
        rows = errors[errors["area_code"] == area]
        size_class = str(rows["size_class"].iloc[-1])  # the class at the latest base
        context.update({
            "areas": [(code, names[code]) for code in codes], "area": area,
            "name": names[area], "own_rows": _own_rows(rows), "size_class": size_class,
            "class_rows": _class_rows(size_class), "chart": _chart(rows),
        })
    return render(request, "vision/accuracy.html", context)
