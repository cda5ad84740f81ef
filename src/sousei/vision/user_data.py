"""Projections from a municipality's own population table (住民基本台帳 or census extract).

The base population comes from the user's long-layout file; the rates come from the shipped
census and life tables of the same municipalities (estimated at the latest census up to the
base year). When the file splits nationality, Japanese residents are projected by the cohort
component method and foreign residents by cohort change ratios measured in the file itself,
which then needs the foreign population five years before the base year too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STEP
from sousei.demography.assumptions import Assumptions
from sousei.demography.cohort_change import estimate_cohort_change
from sousei.demography.population import Population
from sousei.demography.runner import ForeignInputs, ScenarioRun, project_scenarios
from sousei.io.errors import InputError
from sousei.io.population.convert import frame_to_population
from sousei.vision.areas import data_codes
from sousei.vision.foreign_history import FIRST_YEAR, LAST_YEAR, foreign_change
from sousei.vision.inputs import base_tfr
from sousei.vision.run import ProjectionRequest, census_inputs

LATEST_CENSUS = 2015


def census_year_for(base_year: int) -> int:
    """The census whose rates (survival, net migration, child-woman ratio) a base year uses."""
    year = min(LATEST_CENSUS, base_year - base_year % AGE_STEP)
    if year < 1985:
        raise InputError(f"基準年 {base_year} に使える国勢調査の仮定値がありません (1985年以降)")
    return year


def _foreign_inputs(frame: pd.DataFrame, base: Population) -> ForeignInputs:
    """Cohort change of the foreign residents: from the file's own table five years before the
    base year when it has one, else from the shipped 住基 外国人住民 tables (yearly, pooled over
    the five years up to the base; see :mod:`sousei.vision.foreign_history`)."""
    earlier = base.year - AGE_STEP
    foreign = frame[frame["nationality"] == "foreign"]
    now = frame_to_population(frame, base.year, "foreign").select(base.regions)
    if earlier in set(foreign["year"]):
        before = frame_to_population(frame, earlier, "foreign").select(base.regions)
        return ForeignInputs(now, estimate_cohort_change([before.values, now.values], AGE_STEP))
    if FIRST_YEAR < base.year <= LAST_YEAR:
        return ForeignInputs(now, foreign_change(base.regions, base.year))
    raise InputError(
        f"外国人の推計(コーホート変化率法)には {earlier}年の外国人人口も必要です "
        f"(ファイルにある年: {', '.join(str(y) for y in sorted(set(foreign['year'])))}。"
        f"基準年が{FIRST_YEAR + 1}～{LAST_YEAR}年なら収録の住基の表から推定します)"
    )


@dataclass(frozen=True)
class UserInputs:
    """What a projection from the user's table needs besides the scenarios: the base
    population (Japanese, or the total when nationality is not split), census-estimated
    assumptions, the base TFR and the foreign residents' inputs. Independent of the scenarios,
    so the web page prepares them once per uploaded dataset and area."""

    base: Population
    assumptions: Assumptions
    tfr: np.ndarray
    foreign: ForeignInputs | None


def census_request_for(request: ProjectionRequest, codes: Sequence[str]) -> ProjectionRequest:
    """The census request behind a user's base: the latest census up to the base year, over
    as many 5-year steps as the user's projection (time-varying rates are per step)."""
    census_year = census_year_for(request.base_year)
    return replace(request, regions=tuple(codes), base_year=census_year,
                   to_year=census_year + AGE_STEP * request.steps())


def user_inputs(frame: pd.DataFrame, request: ProjectionRequest) -> UserInputs:
    """The inputs for the areas of ``frame`` at ``request.base_year``.

    ``request.regions`` may narrow the file to some areas (empty: every area in the file).
    """
    at_base = frame[frame["year"] == request.base_year]
    if at_base.empty:
        years = ", ".join(str(y) for y in sorted(frame["year"].unique()))
        raise InputError(
            f"基準年 {request.base_year} のデータがありません (ファイルにある年: {years})"
        )
    nationalities = set(at_base["nationality"])
    split = {"japanese", "foreign"} <= nationalities
    base = frame_to_population(frame, request.base_year, "japanese" if split else "total")
    if request.regions:
        base = base.select([code for code in base.regions if code in set(request.regions)])
    census_codes = data_codes(base.regions)
    census_request = census_request_for(request, census_codes)
    _, assumptions = census_inputs(census_request)
    foreign = _foreign_inputs(frame, base) if split else None
    return UserInputs(base, assumptions, base_tfr(census_codes, census_request.base_year), foreign)


def project_user_inputs(
    inputs: UserInputs, request: ProjectionRequest
) -> tuple[Population, ScenarioRun]:
    """Every scenario of ``request`` from prepared inputs; the base returned is the total."""
    base, foreign = inputs.base, inputs.foreign
    run = project_scenarios(
        base, inputs.assumptions, inputs.tfr, request.steps(), request.scenarios, foreign=foreign
    )
    total_base = (
        base
        if foreign is None
        else replace(base, values=base.values + foreign.base.values, nationality="total")
    )
    return total_base, run


def run_user_projection(
    frame: pd.DataFrame, request: ProjectionRequest
) -> tuple[Population, ScenarioRun]:
    """Project the areas of ``frame`` (long layout) from ``request.base_year`` on.

    ``request.regions`` may narrow the file to some areas (empty: every area in the file).
    """
    return project_user_inputs(user_inputs(frame, request), request)
