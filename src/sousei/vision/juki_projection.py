"""Project areas of the 住基 tables: Japanese by cohort components, foreigners by cohort change.

Japanese residents (or the 総計 when only that table is given) use the census-estimated
survival, net migration and child-woman ratios of each municipality (see
:mod:`sousei.vision.user_data`); foreign residents use cohort change ratios measured between
the base 外国人 table and an earlier one (:mod:`sousei.vision.juki_base`). An area that cannot
be projected (no census assumptions for its code, nobody living there) is listed with the
reason and the others are projected: a run over every municipality never stops on one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from sousei.demography.ages import AGE_STEP
from sousei.demography.cohort_change import estimate_cohort_change
from sousei.demography.population import Population
from sousei.demography.rates import _ratio, child_woman_ratio_by_sex
from sousei.demography.runner import ForeignInputs, ScenarioRun
from sousei.io.errors import InputError
from sousei.io.population.convert import frame_to_population
from sousei.io.reference.codes import AreaCodeError
from sousei.vision.areas import data_codes
from sousei.vision.inputs import base_tfr
from sousei.vision.juki_base import JukiBase, _years, grid_frame
from sousei.vision.juki_migration import apply
from sousei.vision.run import ProjectionRequest, census_inputs
from sousei.vision.user_data import UserInputs, census_year_for, project_user_inputs

CHUNK = 100
SMALL_POPULATION = 100.0
CAP = 2.0


@dataclass(frozen=True)
class Skipped:
    code: str
    name: str
    reason: str


def cohort_change_over(before: np.ndarray, after: np.ndarray, years: float
                       ) -> tuple[np.ndarray, np.ndarray]:
    """5-year cohort change ratios from two tables ``years`` apart (region, sex, age).

    Five years apart (within a quarter): :func:`estimate_cohort_change`. Closer: the cohort in
    group j at the later date was spread at the earlier one over groups j-1 and j in the shares
    f = years/5 and 1-f (ages spread evenly within a group); the observed ratio over that
    shorter span is raised to the power 1/f to stand for five years.
    """
    if abs(years - AGE_STEP) < 0.3 or years > AGE_STEP:
        ratio, cwr = estimate_cohort_change([before, after], SMALL_POPULATION, CAP)
        if years > AGE_STEP + 0.3:
            ratio = ratio ** (AGE_STEP / years)
        return ratio, cwr
    f = years / AGE_STEP
    expected = f * before[..., :-1] + (1 - f) * before[..., 1:]
    expected[..., -1] = f * before[..., -2] + before[..., -1]
    observed = _ratio(after[..., 1:], expected) ** (1 / f)
    ratio = np.zeros_like(after, dtype=float)
    ratio[..., :-2] = observed[..., :-1]
    ratio[..., -2:] = observed[..., -1:]
    small = after.sum(axis=(-2, -1)) < SMALL_POPULATION
    ratio = np.where(small[..., None, None], np.minimum(ratio, CAP), ratio)
    return ratio, child_woman_ratio_by_sex(after)


@dataclass(frozen=True)
class Prepared:
    main: Population  # japanese, or total
    foreign: Population | None
    ratio: np.ndarray | None
    cwr: np.ndarray | None
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
        return Prepared(main, None, None, None, names)
    now = frame_to_population(grid_frame(base.foreign, base.notes), base.base_year, "foreign")
    now = now.select([code for code in main.regions if code in set(now.regions)])
    history = base.foreign_history
    if history is None:
        ratio, cwr = estimate_cohort_change([now.values, now.values], SMALL_POPULATION, CAP)
    else:
        earlier = frame_to_population(grid_frame(history, base.notes),
                                      history.reference_date.year, "foreign")
        before = np.zeros_like(now.values)
        index = {code: i for i, code in enumerate(earlier.regions)}
        for i, code in enumerate(now.regions):  # areas new since then start from nobody
            if code in index:
                before[i] = earlier.values[index[code]]
        ratio, cwr = cohort_change_over(before, now.values,
                                        _years(history.reference_date, base.reference_date))
    return Prepared(main, now, ratio, cwr, names)


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
    census_request = replace(request, regions=tuple(census),
                             base_year=census_year_for(request.base_year))
    _, assumptions = census_inputs(census_request)
    if prepared.migration is not None:
        rows = [prepared.main.regions.index(code) for code in codes]
        assumptions = apply(assumptions, prepared.migration[rows], prepared.migration_mode)
    foreign = None
    if prepared.foreign is not None:
        index = [prepared.foreign.regions.index(code) for code in codes]
        foreign = ForeignInputs(prepared.foreign.select(codes), prepared.ratio[index],
                                prepared.cwr[index])
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
