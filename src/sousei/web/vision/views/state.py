"""Current state (現状分析): population pyramid, three age groups over census years, TFR series.

Figures come from the latest uploaded dataset (pyramid) and the shipped census and vital
statistics tables; each table prints the same figures as its chart and names its source.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import numpy as np
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sousei.demography.ages import AGE_STARTS, OPEN_AGE
from sousei.demography.indicators import age_group_totals
from sousei.io.population.convert import frame_to_population
from sousei.io.reference.codes import area_name
from sousei.io.reference.shipped import tfr_municipal, tfr_prefecture
from sousei.japanese import format_number, format_percent
from sousei.vision.inputs import census_history
from sousei.web.accounts.access import can_read_internal, can_write, organisation_for
from sousei.web.vision.charts import lines_svg, pyramid_svg, signed_bars_svg, stacked_bars_svg
from sousei.web.vision.data import census_codes, dataset_frame, latest_dataset
from sousei.web.vision.net_migration import net_migration_context
from sousei.web.vision.views.state_areas import area_sections
from sousei.web.vision.views.state_juki import resident_totals_context, vital_years

CENSUS_SOURCE = "総務省「国勢調査」"


def _by_sex_age(values: np.ndarray) -> np.ndarray:
    """(region, sex, age) -> (sex, age) summed over the organisation's areas."""
    return np.asarray(values, dtype=float).sum(axis=0)


_PYRAMIDS: dict[tuple, tuple[np.ndarray, np.ndarray | None]] = {}
_PYRAMIDS_LOCK = threading.Lock()


def _dataset_pyramid(dataset) -> tuple[np.ndarray, np.ndarray | None]:
    """(total or Japanese, foreign or None) by (sex, age) of one dataset at its base year.

    Kept by the dataset's key (at most 128): a dataset is never changed (a new upload is a
    new version), and pivoting it took 17 ms of every 現状分析 view. The arrays are read-only."""
    # The upload time with the key: SQLite hands a deleted row's key to the next upload.
    key = (dataset.pk, dataset.uploaded_at, dataset.base_year)
    with _PYRAMIDS_LOCK:
        if key in _PYRAMIDS:
            return _PYRAMIDS[key]
    frame = dataset_frame(dataset)
    year = dataset.base_year
    at = frame[frame["year"] == year]
    foreign = None
    if {"japanese", "foreign"} <= set(at["nationality"]):
        total = _by_sex_age(frame_to_population(frame, year, "japanese").values)
        foreign = _by_sex_age(frame_to_population(frame, year, "foreign").values)
        foreign.setflags(write=False)
    else:
        total = _by_sex_age(frame_to_population(frame, year, "total").values)
    total.setflags(write=False)
    with _PYRAMIDS_LOCK:
        if len(_PYRAMIDS) >= 128:
            _PYRAMIDS.pop(next(iter(_PYRAMIDS)))
        _PYRAMIDS[key] = (total, foreign)
    return total, foreign


def _pyramid(organisation, codes: tuple[str, ...]) -> dict:
    """The pyramid's table, chart, source and year: from the latest upload, else the 2015
    census of `codes`. Kept (at most 128) under the dataset's identity and what the page
    prints of it, or the codes: formatting and drawing it took a tenth of every view."""
    dataset = latest_dataset(organisation)
    key = (("dataset", dataset.pk, dataset.uploaded_at, dataset.base_year, dataset.source,
            dataset.file_name, dataset.version) if dataset is not None else ("census", codes))
    with _PYRAMIDS_LOCK:
        if key in _PYRAMID_PARTS:
            return _PYRAMID_PARTS[key]
    parts = _pyramid_parts(dataset, codes)
    with _PYRAMIDS_LOCK:
        if len(_PYRAMID_PARTS) >= 128:
            _PYRAMID_PARTS.pop(next(iter(_PYRAMID_PARTS)))
        _PYRAMID_PARTS[key] = parts
    return parts


_PYRAMID_PARTS: dict[tuple, dict] = {}


def _pyramid_parts(dataset, codes: tuple[str, ...]) -> dict:
    # The content (the whole uploaded table) is read only when the pyramid is not cached.
    foreign = None
    if dataset is not None:
        year = dataset.base_year
        total, foreign = _dataset_pyramid(dataset)
        source = f"{dataset.source}({dataset.file_name} 第{dataset.version}版)"
    elif codes:
        year = 2015
        total = _by_sex_age(census_history(codes).at(year).values)
        source = f"{CENSUS_SOURCE}(2015年)"
    else:
        return {"pyramid": [], "pyramid_svg": "", "pyramid_source": "", "pyramid_year": None,
                "split": False}
    rows = []
    for i, start in enumerate(AGE_STARTS):
        rows.append({
            "age": f"{start}歳以上" if start == OPEN_AGE else f"{start}～{start + 4}歳",
            "male": float(total[0, i]), "female": float(total[1, i]),
            "male_foreign": float(foreign[0, i]) if foreign is not None else 0.0,
            "female_foreign": float(foreign[1, i]) if foreign is not None else 0.0,
        })
    table = [{**r, **{k: format_number(r[k]) for k in ("male", "female", "male_foreign",
                                                       "female_foreign")}} for r in rows]
    return {"pyramid": table, "pyramid_svg": pyramid_svg(rows), "pyramid_source": source,
            "pyramid_year": year,
            "split": any(r["male_foreign"] or r["female_foreign"] for r in rows)}


GROUP_LABELS = {"child": "年少人口", "working": "生産年齢人口", "elderly": "老年人口"}


@lru_cache(maxsize=256)
def _age_groups(codes: tuple[str, ...]) -> tuple[list[dict], str]:
    """Rows of the table and the stacked-bar chart of the same figures, from the shipped
    census alone: kept per set of codes (the template only reads them)."""
    if not codes:
        return [], ""
    history = census_history(codes)
    rows, previous = [], None
    series: dict[str, list[float]] = {label: [] for label in GROUP_LABELS.values()}
    for year in history.years:
        groups = {k: float(v) for k, v in age_group_totals(_by_sex_age(history.at(year).values)).items()}
        total = groups["total"] or 1.0
        change = groups["total"] - previous if previous is not None else None
        rows.append({"year": year, "total": format_number(groups["total"]),
                     "change": format_number(change) if change is not None else "",
                     **{k: format_number(groups[k]) for k in ("child", "working", "elderly")},
                     **{f"{k}_share": format_percent(100 * groups[k] / total)
                        for k in ("child", "working", "elderly")}})
        previous = groups["total"]
        for key, label in GROUP_LABELS.items():
            series[label].append(groups[key])
    chart = stacked_bars_svg([str(y) for y in history.years], series, "年齢3区分別人口の推移")
    return rows, chart


def _tfr(codes) -> tuple[list[dict], list[str]]:
    """Prefecture and nation by year, the municipal 2008-2012 estimate alongside (from the
    shipped tables, so kept per set of codes; the template only reads the rows)."""
    return _tfr_of(tuple(codes))


@lru_cache(maxsize=512)
def _tfr_of(codes: tuple[str, ...]) -> tuple[list[dict], list[str]]:
    municipal = tfr_municipal()
    own = municipal[municipal["area_code"].isin(codes)]
    notes = [f"{r.name} {r.tfr}(2008～2012年 ベイズ推定値)" for r in own.itertuples()]
    prefecture = tfr_prefecture()
    pref_codes = sorted({code[:2] for code in codes})
    rows = []
    for year, group in prefecture[prefecture["year"] >= 1980].groupby("year"):
        by_pref = dict(zip(group["pref_code"], group["tfr"], strict=False))
        rows.append({"year": int(year), "nation": by_pref.get("00"),
                     "prefecture": [by_pref.get(code) for code in pref_codes]})
    return rows, notes


def prefecture_name(code: str) -> str:
    """福岡県 for 40: legends and headers name the prefecture, never its code."""
    return area_name(f"{code}000")


def _tfr_chart(rows: list[dict], pref_codes: list[str]) -> str:
    if not rows:
        return ""
    series = {"全国": [r["nation"] for r in rows]}
    for i, code in enumerate(pref_codes):
        series[prefecture_name(code)] = [r["prefecture"][i] for r in rows]
    return lines_svg([r["year"] for r in rows], series, "合計特殊出生率の推移", every=5)


def _vital(organisation) -> tuple[list[dict], str, str]:
    """Natural change (births - deaths) and social change (in - out) by year, △ for falls."""
    years, source = vital_years(organisation)
    if not years:
        return [], "", ""
    rows = []
    series: dict[str, list[float]] = {"自然増減": [], "社会増減": []}
    for year in years:
        rows.append({"year": year.year, **{k: format_number(getattr(year, k)) for k in
                                           ("births", "deaths", "in_moves", "out_moves")},
                     "natural": format_number(year.natural_change),
                     "social": format_number(year.social_change),
                     "total": format_number(year.total_change)})
        series["自然増減"].append(year.natural_change)
        series["社会増減"].append(year.social_change)
    chart = signed_bars_svg([str(y.year) for y in years], series, "自然増減・社会増減の推移")
    return rows, source, chart


@login_required
def state_page(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(request, pk)
    codes = tuple(census_codes(organisation))
    tfr_rows, tfr_notes = _tfr(codes)
    vital_rows, vital_source, vital_chart = _vital(organisation)
    age_groups, age_chart = _age_groups(codes)
    pref_codes = sorted({code[:2] for code in codes})
    return render(request, "vision/state.html", {
        "organisation": organisation, "can_write": can_write(request, organisation),
        # The key of the pieces made only from the shipped tables (shipped_fragments.py).
        "census_codes": codes,
        "internal": can_read_internal(request, organisation),
        **_pyramid(organisation, codes),
        "age_groups": age_groups, "age_chart": age_chart, "census_source": CENSUS_SOURCE,
        "tfr_rows": tfr_rows, "tfr_notes": tfr_notes, "tfr_chart": _tfr_chart(tfr_rows, pref_codes),
        "vital_rows": vital_rows, "vital_source": vital_source, "vital_chart": vital_chart,
        "pref_codes": pref_codes, "pref_names": [prefecture_name(c) for c in pref_codes],
        **area_sections(organisation),
        **net_migration_context(organisation, codes), **resident_totals_context(organisation),
    })
