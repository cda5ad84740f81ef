"""Creating and editing scenarios; every field change previews the comparison through htmx;
a saved scenario downloads as the TOML file `sousei project --scenario` reads."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from sousei.io.scenario import scenario_from_mapping, scenario_to_toml
from sousei.web.accounts.access import get_for_user, organisation_for
from sousei.web.strategies.versioning import StaleEditError, create_audited, save_versioned
from sousei.web.vision.compute import base_year_for, comparison_context, splits_nationality
from sousei.web.vision.forms import ScenarioForm, initial_from_mapping
from sousei.web.vision.models import SavedScenario, VisionChoice
from sousei.web.vision.numerical_sync import resync


def _others(organisation, editing: SavedScenario | None) -> list:
    """The saved scenarios shown next to the one being edited."""
    rows = organisation.scenarios.exclude(pk=editing.pk if editing else None)
    return [scenario_from_mapping(s.mapping) for s in rows]


def _page(request, organisation, form, editing, status=200) -> HttpResponse:
    scenarios = _others(organisation, editing)
    if form.is_bound and form.is_valid():
        scenarios.append(form.scenario)
    elif editing is not None:
        scenarios.append(scenario_from_mapping(editing.mapping))
    context = comparison_context(organisation, scenarios, request.POST.get("area"))
    return render(request, "vision/scenario_form.html", {
        **context, "organisation": organisation, "form": form, "editing": editing,
        "internal": True,  # the form is for planning only (need="write")
    }, status=status)


def _name_taken(organisation, name: str, editing: SavedScenario | None) -> bool:
    rows = organisation.scenarios.filter(name=name.strip())
    return rows.exclude(pk=editing.pk).exists() if editing else rows.exists()


def _form(organisation, editing: SavedScenario | None, data=None) -> ScenarioForm:
    """The form with the organisation's base year (years must come after it) and, when
    editing, enough rows for the stored points and migration changes."""
    stored = editing.mapping if editing is not None else None
    initial = initial_from_mapping(stored) if stored else {"migration_variant": "net_rates",
                                                          "conv_fraction": 0.5}
    return ScenarioForm(data, initial=initial, base_year=base_year_for(organisation),
                        stored=stored, foreign_split=splits_nationality(organisation))


def _save(request, organisation, editing: SavedScenario | None) -> HttpResponse:
    form = _form(organisation, editing, request.POST)
    if form.is_valid() and _name_taken(organisation, form.cleaned_data["name"], editing):
        form.add_error("name", "同じ名前のシナリオがあります")
    if not form.is_valid():
        return _page(request, organisation, form, editing, status=422)
    mapping = form.mapping()
    if editing is None:
        create_audited(request.user, SavedScenario(
            organisation=organisation, name=form.scenario.name, mapping=mapping), "scenario.create")
    else:
        try:
            save_versioned(request.user, editing, int(request.POST.get("version") or 0),
                           {"name": form.scenario.name, "mapping": mapping}, "scenario.update")
        except StaleEditError as stale:
            form.add_error(None, "ほかの人が先にこのシナリオを変更しました。最新の内容を表示しています")
            return _page(request, organisation, form, stale.current, status=409)
        chosen = VisionChoice.objects.filter(organisation=organisation, scenario=editing)
        if chosen.exists():
            resync(request, organisation)
    return redirect("vision:projection", pk=organisation.pk)


@login_required
def new_scenario(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(request, pk, need="write")
    if request.method == "POST":
        return _save(request, organisation, None)
    return _page(request, organisation, _form(organisation, None), None)


@login_required
def edit_scenario(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = get_for_user(request, SavedScenario, pk, need="write")
    organisation = scenario.organisation
    if request.method == "POST":
        return _save(request, organisation, scenario)
    return _page(request, organisation, _form(organisation, scenario), scenario)


@login_required
@require_POST
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The comparison partial for the form as it stands (htmx, on every field change), with
    every field's messages as out-of-band swaps so they appear on the field while typing."""
    organisation = organisation_for(request, pk, need="write")
    editing = None
    if request.POST.get("scenario_pk"):
        editing = get_for_user(request, SavedScenario, request.POST["scenario_pk"], need="write")
    form = _form(organisation, editing, request.POST)
    scenarios = _others(organisation, editing)
    errors = None
    if form.is_valid():
        scenarios.append(form.scenario)
    else:
        errors = form.errors
    context = comparison_context(organisation, scenarios, request.POST.get("area"))
    # The comparison, and each field's errors (set or cleared) swapped in next to the field.
    return render(request, "vision/_preview.html", {**context, "errors": errors, "form": form})


@login_required
def download_scenario(request: HttpRequest, pk: int) -> HttpResponse:
    """The saved scenario as a scenario file, for `sousei project --scenario` (staff and
    committee; viewers read the scenarios on the projection page but do not take the files)."""
    scenario = SavedScenario.objects.filter(pk=pk).first()
    if scenario is None:
        raise Http404
    organisation_for(request, scenario.organisation_id, need="internal")
    response = HttpResponse(scenario_to_toml(scenario.mapping),
                            content_type="application/toml; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        True, f"{scenario.name}.toml")
    return response
