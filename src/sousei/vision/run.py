"""One projection request, as the CLI and the web app make it: areas, years, scenarios, source.

``assumptions="census"`` estimates everything from data dated at or before the base year by
the census-estimated method (:mod:`sousei.vision.method`, docs/method.md); ``assumptions="ipss"`` uses the ratios implied by the IPSS 2018 path (held at
its last period after 2045) and starts from IPSS's base population.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from sousei.demography.ages import AGE_STEP
from sousei.demography.assumptions import Assumptions
from sousei.demography.estimation import implied_by_path
from sousei.demography.population import Population
from sousei.demography.runner import ScenarioRun, project_scenarios
from sousei.demography.scenarios import BASELINE, Scenario
from sousei.vision.inputs import base_tfr, census_history, ipss_path, municipality_names
from sousei.vision.method import DEFAULT_METHOD, CensusMethod, census_assumptions
from sousei.vision.mortality import period_survival

ASSUMPTION_SOURCES = ("census", "ipss")


@dataclass(frozen=True)
class ProjectionRequest:
    regions: tuple[str, ...]
    base_year: int = 2015
    to_year: int = 2060
    scenarios: tuple[Scenario, ...] = (BASELINE,)
    assumptions: str = "census"
    migration_periods: int | None = None  # census periods of net migration; None: the method's
    method: CensusMethod = DEFAULT_METHOD

    def census_method(self) -> CensusMethod:
        """The method with ``migration_periods`` applied when the user chose a number."""
        if self.migration_periods is None:
            return self.method
        return replace(self.method, migration_periods=self.migration_periods)

    def steps(self) -> int:
        span = self.to_year - self.base_year
        if span <= 0 or span % AGE_STEP:
            raise ValueError(
                f"推計の終了年 {self.to_year} は基準年 {self.base_year} より後の5年刻みにしてください"
            )
        return span // AGE_STEP


def census_inputs(request: ProjectionRequest) -> tuple[Population, Assumptions]:
    """Base population and assumptions estimated from the census known at the base year."""
    return _census_estimate(
        tuple(request.regions), request.base_year, request.steps(), request.census_method()
    )


@lru_cache(maxsize=64)
def _census_estimate(
    regions: tuple[str, ...], base_year: int, steps: int, method: CensusMethod
) -> tuple[Population, Assumptions]:
    """Cached per areas and base year: the web page recomputes scenarios on every keystroke,
    and the estimate does not depend on the scenarios. The arrays are made read-only so no
    caller can change what the next one receives."""
    history = census_history(regions)
    if base_year not in history.years or base_year == history.years[0]:
        raise ValueError(
            f"国勢調査から推計できる基準年は {history.years[1]}～{history.years[-1]} の5年おきです"
        )
    assumptions = census_assumptions(history, base_year, steps, method)
    base = history.at(base_year)
    for values in (base.values, *assumptions.arrays().values()):
        values.setflags(write=False)
    return base, assumptions


def ipss_inputs(request: ProjectionRequest) -> tuple[Population, Assumptions]:
    """Base population and the assumptions implied by IPSS 2018's path for the regions.

    Cached per (regions, base year, steps) with read-only arrays, as the census estimate is:
    slicing the national IPSS table and inverting the path took ~27 ms of every page view.
    """
    return _ipss_estimate(tuple(request.regions), request.base_year, request.steps())


@lru_cache(maxsize=64)
def _ipss_estimate(
    regions: tuple[str, ...], base_year: int, steps: int
) -> tuple[Population, Assumptions]:
    years, path = ipss_path(regions)
    if base_year not in years[:-1]:
        raise ValueError(f"社人研推計の仮定で使える基準年は {years[0]}～{years[-2]} です")
    path = path[years.index(base_year) :]
    survival, birth = period_survival(base_year - AGE_STEP)
    assumptions = implied_by_path(path, survival_ratio=survival, birth_survival=birth)
    names = municipality_names(regions)
    base = Population(path[0].copy(), regions, base_year, names=names)
    assumptions = assumptions.extended(steps)
    for values in (base.values, *assumptions.arrays().values()):
        values.setflags(write=False)
    return base, assumptions


def run_projection(request: ProjectionRequest) -> tuple[Population, ScenarioRun]:
    """Base population and every scenario's projection for the request."""
    if request.assumptions not in ASSUMPTION_SOURCES:
        raise ValueError(f"仮定値の出典 {request.assumptions!r} は census または ipss です")
    steps = request.steps()
    if request.assumptions == "census":
        base, assumptions = census_inputs(request)
    else:
        base, assumptions = ipss_inputs(request)
    tfr = base_tfr(request.regions, request.base_year)
    run = project_scenarios(base, assumptions, tfr, steps, request.scenarios)
    return base, run
