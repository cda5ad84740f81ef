"""The projection page: baseline, IPSS figures, every saved scenario against the baseline, and
the choice of the 将来展望 (planning users)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sousei.io.scenario import scenario_from_mapping
from sousei.japanese import format_number
from sousei.vision.areas import ipss_totals
from sousei.web.accounts.access import can_read_internal, can_write, organisation_for
from sousei.web.strategies.versioning import StaleEditError, create_audited, save_versioned
from sousei.web.vision.charts import lines_svg
from sousei.web.vision.compute import COMBINED, Comparison, comparison_context
from sousei.web.vision.data import latest_dataset
from sousei.web.vision.models import VisionChoice

IPSS_LABEL = "社人研推計(平成30年推計)"


def _ipss_for(comparison: Comparison | None) -> dict[int, float]:
    """IPSS totals of the area shown: one member, or every area together."""
    if comparison is None:
        return {}
    shown = [value for value, _ in comparison.areas if value != COMBINED]
    return ipss_totals(shown if comparison.area == COMBINED else [comparison.area])


@login_required
def projection_page(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(request, pk)
    saved = list(organisation.scenarios.all())
    context = comparison_context(organisation, [scenario_from_mapping(s.mapping) for s in saved],
                                 request.GET.get("area"))
    ipss = _ipss_for(context["comparison"])
    if ipss:  # the IPSS line next to the scenarios' (IPSS ends in 2045)
        result = context["comparison"]
        context["chart"] = lines_svg(result.years, {
            **result.totals, IPSS_LABEL: [ipss.get(year) for year in result.years]})
    choice = VisionChoice.objects.filter(organisation=organisation).first()
    return render(request, "vision/projection.html", {
        **context, "organisation": organisation, "saved": saved, "choice": choice,
        "dataset": latest_dataset(organisation), "can_write": can_write(request, organisation),
        "internal": can_read_internal(request, organisation),
        "ipss_years": list(ipss), "ipss_totals": [format_number(v) for v in ipss.values()],
    })


def _int_or_none(text: str | None) -> int | None:
    text = (text or "").replace(",", "").strip()
    return int(text) if text.isdigit() else None


@login_required
@require_POST
def choose_vision(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(request, pk, need="write")
    scenario = organisation.scenarios.filter(pk=_int_or_none(request.POST.get("scenario"))).first()
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
    return redirect("vision:projection", pk=organisation.pk)


