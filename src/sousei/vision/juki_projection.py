"""Project areas of the 住基 tables: Japanese by cohort components, foreigners by cohort change.

Japanese residents (or the 総計 when only that table is given) use the census-estimated
survival, net migration and child-woman ratios of each municipality (see
:mod:`sousei.vision.user_data`); foreign residents use cohort change ratios measured between
the base 外国人 table and an earlier one (:mod:`sousei.vision.juki_base`). An area that cannot
be projected (no census assumptions for its code, nobody living there) is listed with the
reason and the others are projected: a run over every municipality never stops on one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sousei.demography.ages import AGE_STEP
from sousei.demography.cohort_change import CohortChange, estimate_cohort_change
from sousei.demography.population import Population
from sousei.demography.runner import ForeignInputs, ScenarioRun
from sousei.io.errors import InputError
from sousei.io.population.convert import frame_to_population
from sousei.io.reference.codes import AreaCodeError
from sousei.vision.areas import data_codes
from sousei.vision.inputs import base_tfr
from sousei.vision.juki_base import JukiBase, _years, grid_frame
from sousei.vision.juki_migration import apply
from sousei.vision.run import ProjectionRequest, census_inputs
from sousei.vision.user_data import UserInputs, census_request_for, project_user_inputs

CHUNK = 100
SMALL_POPULATION = 100.0
CAP = 2.0


@dataclass(frozen=True)
class Skipped:
    code: str
    name: str
    reason: str


def cohort_change_over(before: np.ndarray, after: np.ndarray, years: float) -> CohortChange:
    """The foreigners' cohort change between two tables ``years`` apart (region, sex, age).

    The span is the whole number of years between the tables (2011-01-01 -> 2016-01-01 is 5):
    :func:`estimate_cohort_change` ages the earlier table by that span, so ratios, arrivals into
    empty cohorts and the 0-4 inflow are measured over it. A span that does not divide the
    engine's five years (2013-03-31 -> 2016-01-01 is 3) or is longer than five is turned into
    five-year steps at the same pace: ratios raised to 5/years, arrivals and the 0-4 inflow
    scaled by 5/years.
    """
    span = int(min(max(round(years), 1), AGE_STEP))
    change = estimate_cohort_change([before, after], span, cap=CAP, small_cohort=SMALL_POPULATION)
    if AGE_STEP % span == 0 and abs(years - span) <= 0.3:
        return change
    pace = AGE_STEP / years
    return CohortChange(AGE_STEP, np.minimum(change.ratio**pace, CAP), change.arrivals * pace,
                        change.child_rate * pace)


def _subset(change: CohortChange, index: list[int]) -> CohortChange:
    return CohortChange(change.span, change.ratio[index], change.arrivals[index],
                        change.child_rate[index])


@dataclass(frozen=True)
class Prepared:
    main: Population  # japanese, or total
    foreign: Population | None
    change: CohortChange | None
    names: dict[str, str]  # as the table prints them (areas the code master no longer has)
    migration: np.ndarray | None = None  # 住基 net migration rates (region, sex, age), NaN: none
    migration_mode: str = "census"


def prepare(base: JukiBase) -> Prepared:
    """Every area of the tables on the engine's grid, with the foreigners' ratios."""
    main = frame_to_population(grid_frame(base.main, base.notes), base.base_year,
                               base.main.nationality)
    areas = base.main.areas
    names = dict(zip(areas["area_code"], areas["prefecture"] + areas["name"], strict=True))
    if base.foreign is None:
        return Prepared(main, None, None, names)
    now = frame_to_population(grid_frame(base.foreign, base.notes), base.base_year, "foreign")
    now = now.select([code for code in main.regions if code in set(now.regions)])
    history = base.foreign_history
    if history is None:  # no earlier table: the foreigners are held as they are
        change = estimate_cohort_change([now.values, now.values], AGE_STEP, cap=CAP,
                                        small_cohort=SMALL_POPULATION)
    else:
        earlier = frame_to_population(grid_frame(history, base.notes),
                                      history.reference_date.year, "foreign")
        position = {code: i for i, code in enumerate(earlier.regions)}
        rows = np.array([position.get(code, -1) for code in now.regions])
        padded = np.concatenate([earlier.values, np.zeros_like(earlier.values[:1])])
        before = padded[rows]  # areas new since then (row -1: the zero pad) start from nobody
        change = cohort_change_over(before, now.values,
                                    _years(history.reference_date, base.reference_date))
    return Prepared(main, now, change, names)


def _screen(prepared: Prepared, codes: list[str]) -> tuple[list[str], list[str], list[Skipped]]:
    """(codes, census codes, skipped): areas with data, each mapped to its census code."""
    kept, census, skipped, seen = [], [], [], set()
    regions = set(prepared.main.regions)
    for code in codes:
        name = prepared.names.get(code, code)
        if code not in regions:
            skipped.append(Skipped(code, name, "表にこの地域の行がありません"))
            continue
        if prepared.main.select([code]).values.sum() <= 0:
            skipped.append(Skipped(code, name, "人口が 0 人です"))
            continue
        try:
            (census_code,) = data_codes([code])
        except (AreaCodeError, ValueError) as error:
            skipped.append(Skipped(code, name, f"国勢調査の仮定値がありません ({error})"))
            continue
        if census_code in seen:
            skipped.append(Skipped(code, name, f"国勢調査の地域 {census_code} が他の地域と重複"))
            continue
        seen.add(census_code)
        kept.append(code)
        census.append(census_code)
    return kept, census, skipped


def _run(prepared: Prepared, codes: list[str], census: list[str],
         request: ProjectionRequest) -> tuple[Population, ScenarioRun]:
    census_request = census_request_for(request, census)
    _, assumptions = census_inputs(census_request)
    if prepared.migration is not None:
        rows = [prepared.main.regions.index(code) for code in codes]
        assumptions = apply(assumptions, prepared.migration[rows], prepared.migration_mode)
    foreign = None
    if prepared.foreign is not None:
        index = [prepared.foreign.regions.index(code) for code in codes]
        foreign = ForeignInputs(prepared.foreign.select(codes),
                                _subset(prepared.change, index))
    inputs = UserInputs(prepared.main.select(codes), assumptions,
                        base_tfr(census, census_request.base_year), foreign)
    return project_user_inputs(inputs, request)


def project_juki(prepared: Prepared, codes: list[str], request: ProjectionRequest
                 ) -> tuple[list[tuple[Population, ScenarioRun]], list[Skipped]]:
    """Project ``codes`` in chunks; a chunk that fails is retried area by area."""
    kept, census, skipped = _screen(prepared, codes)
    results = []
    for start in range(0, len(kept), CHUNK):
        part, part_census = kept[start:start + CHUNK], census[start:start + CHUNK]
        try:
            results.append(_run(prepared, part, part_census, request))
            continue
        except (InputError, AreaCodeError, ValueError, KeyError, IndexError):
            pass
        for code, census_code in zip(part, part_census, strict=True):
            try:
                results.append(_run(prepared, [code], [census_code], request))
            except (InputError, AreaCodeError, ValueError, KeyError, IndexError) as error:
                skipped.append(Skipped(code, prepared.names.get(code, code), str(error)))
    return results, skipped
