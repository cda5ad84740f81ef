"""Projection for an organisation with its saved scenarios, and the comparison rows to print.

The same engine calls as `sousei project`: `run_user_projection` for the latest uploaded
dataset, otherwise `run_projection` on the shipped census; the table is `simulation_table`,
formatted as the CLI formats it (△ negatives, shares in per cent).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sousei.demography.scenarios import BASELINE, Scenario
from sousei.io.errors import InputError
from sousei.japanese import format_quantity
from sousei.vision.interval_tables import total_bands
from sousei.vision.notes import ignored_targets
from sousei.vision.run import ProjectionRequest, run_projection
from sousei.vision.tables import (
    difference_suffix,
    run_indicators,
    scenario_label,
    simulation_kinds,
    simulation_table,
)
from sousei.vision.user_data import UserInputs, project_user_inputs, user_inputs
from sousei.web.accounts.models import Organisation
from sousei.web.vision.data import TO_YEAR, census_codes, dataset_frame, end_year, latest_dataset
from sousei.web.vision.models import PopulationDataset

CENSUS_BASE_YEAR = 2015
COMBINED = "all"  # the area choice that shows the sum of the organisation's areas


@dataclass
class Comparison:
    source: str  # where the base population and rates come from
    years: list[int]
    areas: list[tuple[str, str]]  # (choice value, label): the sum first when several areas
    area: str  # the chosen value
    regions: list[tuple[str, list[dict]]]  # (area name, rows of the simulation table) shown
    totals: dict[str, list[float]]  # scenario label -> total population per year (chosen area)
    notes: list[str] = field(default_factory=list)  # what the figures could not take into account
    bands: dict[str, tuple[list, list]] = field(default_factory=dict)  # baseline's intervals
    references: list[str] = field(default_factory=list)  # scenario labels differences may use
    against: str = ""  # the label the differences are taken from (the baseline by default)


def base_year_for(organisation: Organisation) -> int:
    """The year the projection starts: the latest upload's, else the shipped census."""
    dataset = latest_dataset(organisation)
    return dataset.base_year if dataset is not None else CENSUS_BASE_YEAR


_INPUTS: dict[tuple, UserInputs] = {}
_INPUTS_KEPT = 32


def dataset_inputs(dataset: PopulationDataset) -> UserInputs:
    """The projection inputs of a stored dataset, prepared once: reading the table and
    estimating the assumptions do not depend on the scenarios being edited, and a stored
    dataset never changes (a new upload is a new row). Keyed by the upload time with the key
    (as the 現状分析 pyramid), since a recreated database reuses primary keys; the table itself
    (`content`, deferred by `latest_dataset`) is read only when the inputs are not kept."""
    key = (dataset.pk, dataset.uploaded_at, dataset.organisation_id, dataset.version,
           dataset.base_year)
    inputs = _INPUTS.get(key)
    if inputs is None:
        request = ProjectionRequest((), dataset.base_year, end_year(dataset.base_year))
        inputs = user_inputs(dataset_frame(dataset), request)
        inputs.base.values.setflags(write=False)
        while len(_INPUTS) >= _INPUTS_KEPT:
            _INPUTS.pop(next(iter(_INPUTS)))
        _INPUTS[key] = inputs
    return inputs


def splits_nationality(organisation: Organisation) -> bool:
    """Whether the projection has foreign residents of their own (an upload split by
    nationality): only then can a foreign-share target act."""
    dataset = latest_dataset(organisation)
    return dataset is not None and dataset_inputs(dataset).foreign is not None


def project(organisation: Organisation, scenarios: Iterable[Scenario]):
    """(base, run, source text) for the organisation: latest dataset or the shipped census.

    Several areas (a partnership's members) are projected in one run; each area's figures are
    its own (census assumptions per area, the national 0-4 sex ratio), the same as
    `sousei project --area X`, so the partnership's sum is the sum of those runs.
    """
    request_scenarios = (BASELINE, *scenarios)
    dataset = latest_dataset(organisation)
    if dataset is not None:
        request = ProjectionRequest((), dataset.base_year, end_year(dataset.base_year),
                                    request_scenarios)
        base, run = project_user_inputs(dataset_inputs(dataset), request)
        source = f"{dataset.source}({dataset.file_name} 第{dataset.version}版)"
        return base, run, source
    codes = census_codes(organisation)
    if not codes:
        raise ValueError("推計する地域がありません (団体コードが登録されていません)")
    request = ProjectionRequest(codes, CENSUS_BASE_YEAR, TO_YEAR, request_scenarios)
    base, run = run_projection(request)
    return base, run, "総務省「国勢調査」(2015年)、国立社会保障・人口問題研究所の生命表等から推計"


def table_rows(run, region: int | None, reference: int = 0) -> list[dict]:
    frame = simulation_table(run, region, reference)
    suffix = difference_suffix(run, reference)
    rows, previous = [], None
    # Rows of one array, not iterrows (a Series built per row was a third of the table's time).
    for (scenario, indicator), values, kind in zip(frame.index, frame.to_numpy(),
                                                   simulation_kinds(frame), strict=True):
        rows.append({
            "scenario": scenario if scenario != previous else "",
            "indicator": indicator,
            "cells": [format_quantity(v, kind) for v in values],
            "difference": indicator.endswith(suffix),
        })
        previous = scenario
    return rows


def area_choices(organisation: Organisation, base) -> list[tuple[str, str]]:
    """The sum (for several areas) first, then each area by name."""
    single = [(code, base.names[i]) for i, code in enumerate(base.regions)]
    if len(single) < 2:
        return single
    return [(COMBINED, f"{organisation.name}({len(single)}市町村の合計)"), *single]


def comparison(organisation: Organisation, scenarios: Iterable[Scenario],
               area: str | None = None, against: str | None = None) -> Comparison:
    """The comparison for one area choice (a code, or COMBINED; unknown: the first choice),
    differences taken from the scenario ``against`` (a label; unknown: the baseline)."""
    base, run, source = project(organisation, scenarios)
    labels = [scenario_label(run, k) for k in range(len(run.scenarios))]
    reference = labels.index(against) if against in labels else 0
    choices = area_choices(organisation, base)
    area = area if area in dict(choices) else choices[0][0]
    region = None if area == COMBINED else base.regions.index(area)
    total = run_indicators(run, combined=region is None)["total"]
    column = 0 if region is None else region
    totals = {scenario_label(run, k): list(total[k, :, column])
              for k in range(len(run.scenarios))}
    return Comparison(source, list(run.total.years), choices, area,
                      [(dict(choices)[area], table_rows(run, region, reference))], totals,
                      ignored_targets(run), baseline_bands(run, region), labels,
                      labels[reference])


def baseline_bands(run, region: int | None) -> dict[str, tuple[list, list]]:
    """The baseline's 80% and 95% prediction intervals (nothing for a base before 2000)."""
    try:
        bands = total_bands(run, combined=region is None)
    except ValueError:
        return {}
    column = 0 if region is None else region
    return {f"基準推計の{level}%予測区間": (list(bands[f"lower_{level}"][0, :, column]),
                                        list(bands[f"upper_{level}"][0, :, column]))
            for level in (80, 95)}



def comparison_context(organisation: Organisation, scenarios: Iterable[Scenario],
                       area: str | None = None, against: str | None = None) -> dict:
    """Template context of the comparison partial (table of the chosen area, chart of totals)."""
    from sousei.web.vision.charts import lines_svg

    try:
        result = comparison(organisation, scenarios, area, against)
    except (InputError, ValueError, KeyError) as error:  # e.g. a target year before the base
        return {"comparison": None, "projection_error": str(error).strip("'\"")}
    return {"comparison": result,
            "chart": lines_svg(result.years, result.totals, bands=result.bands)}
