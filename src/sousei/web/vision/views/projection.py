"""The projection page: baseline, IPSS 2018 and 2023 figures, every saved scenario against the baseline, and
the choice of the 将来展望 (planning users)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from sousei.io.reference.codes import AreaCodeError
from sousei.japanese import format_number
from sousei.vision.areas import data_codes
from sousei.vision.ipss_reference import SOURCES, IpssFigures, ipss_figures
from sousei.vision.tables import IPSS_INDICATORS
from sousei.web.accounts.access import can_read_internal, can_write, organisation_for
from sousei.web.strategies.versioning import StaleEditError, create_audited, save_versioned
from sousei.web.vision.charts import lines_svg
from sousei.web.vision.choices import saved_scenarios, vision_choice
from sousei.web.vision.comparison_cache import projection_comparison, rendered_comparison
from sousei.web.vision.compute import COMBINED, Comparison
from sousei.web.vision.data import latest_dataset
from sousei.web.vision.models import VisionChoice
from sousei.web.vision.numerical_sync import resync
from sousei.web.vision.target import target_context


def shown_ipss(comparison: Comparison | None) -> list[IpssFigures]:
    """IPSS 2018 and 2023 for the area shown: one member, or the sum of every area when IPSS
    has them all (nothing when it lacks one: a partial sum misleads)."""
    if comparison is None:
        return []
    shown = [value for value, _ in comparison.areas if value != COMBINED]
    areas = shown if comparison.area == COMBINED else [comparison.area]
    try:
        codes = data_codes(areas)
    except AreaCodeError:
        return []
    return ipss_figures(codes) if len(codes) == len(areas) else []


def ipss_tables(figures: list[IpssFigures]) -> list[dict]:
    """One table per edition: its years, the total and the three age groups, and its source."""
    return [{"label": f.label, "source": SOURCES[f.edition], "years": list(f.years),
             "edition": f.edition,
             "rows": [(name, [format_number(v) for v in f.column(group).values()])
                      for group, name in IPSS_INDICATORS.items()]} for f in figures]


def chart_with_ipss(comparison: Comparison, figures: list[IpssFigures]):
    """The scenarios' totals with IPSS's beside them on the union of their years (a base of
    住基 2021 has points 2021, 2026 ...; IPSS has 2025, 2030 ...): each line joins its own
    points only."""
    series = {label: dict(zip(comparison.years, values, strict=True))
              for label, values in comparison.totals.items()}
    series.update({f.label: f.column("total") for f in figures})
    years = sorted({year for points in series.values() for year in points})
    bands = {}
    for name, (lower, upper) in comparison.bands.items():
        low = dict(zip(comparison.years, lower, strict=True))
        high = dict(zip(comparison.years, upper, strict=True))
        bands[name] = ([low.get(year) for year in years], [high.get(year) for year in years])
    return lines_svg(years, {label: [points.get(year) for year in years]
                             for label, points in series.items()}, bands=bands)


@login_required
def projection_page(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(request, pk)
    saved = saved_scenarios(organisation)
    context = projection_comparison(organisation, [s.mapping for s in saved],
                                    request.GET.get("area"), request.GET.get("against"))
    figures = shown_ipss(context["comparison"])

    def comparison_tables() -> str:
        if figures:
            context["chart"] = chart_with_ipss(context["comparison"], figures)
        return render_to_string("vision/_comparison.html", context)

    context["comparison_html"] = rendered_comparison(context, comparison_tables)
    choice = vision_choice(organisation)
    return render(request, "vision/projection.html", {
        **context, "organisation": organisation, "saved": saved, "choice": choice,
        "dataset": latest_dataset(organisation), "can_write": can_write(request, organisation),
        "ipss_tables": ipss_tables(figures), **target_context(organisation, choice),
        "internal": can_read_internal(request, organisation),
    })


def _int_or_none(text: str | None) -> int | None:
    text = (text or "").replace(",", "").strip()
    return int(text) if text.isdigit() else None


@login_required
@require_POST
def choose_vision(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(request, pk, need="write")
    # An empty choice clears the 将来展望; a scenario of another organisation (or none at all)
    # is not silently read as "no scenario".
    raw_scenario = request.POST.get("scenario", "").strip()
    scenario = None
    if raw_scenario:
        scenario = organisation.scenarios.filter(pk=_int_or_none(raw_scenario)).first()
        if scenario is None:
            raise Http404("シナリオが見つかりません")
    changes = {"scenario": scenario,
               "target_population": _int_or_none(request.POST.get("target_population")),
               "target_year": _int_or_none(request.POST.get("target_year"))}
    choice = VisionChoice.objects.filter(organisation=organisation).first()
    if choice is None:
        create_audited(request.user, VisionChoice(organisation=organisation, **changes),
                       "vision.choose")
    else:
        try:
            save_versioned(request.user, choice, _int_or_none(request.POST.get("version")) or 0,
                           changes, "vision.choose")
        except StaleEditError:
            messages.error(request, "ほかの人が先に将来展望を変更しました。最新の内容を確認してください")
            return redirect("vision:projection", pk=organisation.pk)
    messages.success(request, "将来展望を保存しました")
    resync(request, organisation)
    return redirect("vision:projection", pk=organisation.pk)


