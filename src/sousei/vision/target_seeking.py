"""What it takes to reach the target population: the TFR, the migration or a mix that does.

The levers, each added to a starting scenario (the baseline unless one is chosen):
- ``tfr``: the TFR rises linearly from the base year by +x, reached at ``by_year`` (the 5-year
  point at or after the target date unless given) and kept after it;
- ``migration``: the 5-year net migration rate of the cohorts aged ``ages`` at the start of a
  period improves by x points in every period from the base year (0.5 points = +0.005);
- ``mix``: both along a stated ratio, x units of (``mix[0]`` TFR points, ``mix[1]`` migration
  points), e.g. (0.1, 0.5): each unit adds 0.1 to the TFR and 0.5 points to migration.
Every candidate is a scenario on the engine's batch axis (one run per grid of candidates), so
the solved scenario is an ordinary scenario: tables, reports and files show it like any other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from sousei.demography.ages import AGE_STEP
from sousei.demography.bounds import TFR_CHANGE_RANGE
from sousei.demography.population import Population
from sousei.demography.runner import ScenarioRun
from sousei.demography.scenarios import BASELINE, MigrationDelta, Scenario, TfrPath
from sousei.demography.target_seeking import Solution, interpolate_at_date, solve_monotone
from sousei.vision.run import ProjectionRequest, run_projection

LEVERS = {"tfr": "合計特殊出生率", "migration": "純移動率", "mix": "出生率と純移動率の組合せ"}
# Bounds of each lever, documented in docs/method.md: a TFR between about 0.3 and 4.4, and net
# migration moved by at most 10 points a period (a tenth of a cohort every five years).
TFR_CHANGE = TFR_CHANGE_RANGE  # the core refuses a scenario outside it
MIGRATION_POINTS = (-10.0, 10.0)
CENSUS_REFERENCE = (10, 1)  # 国勢調査: 1 October
SOLVED_NAME = "目標人口達成"

Runner = Callable[[ProjectionRequest], tuple[Population, ScenarioRun]]


@dataclass(frozen=True)
class TargetRequest:
    population: float
    date: dt.date
    lever: str = "tfr"
    ages: tuple[int, int] = (10, 29)
    by_year: int | None = None
    mix: tuple[float, float] = (0.1, 0.5)
    start: Scenario = BASELINE

    def __post_init__(self) -> None:
        if self.lever not in LEVERS:
            raise ValueError(f"--solve は {' / '.join(LEVERS)} のいずれかです")
        if not np.isfinite(self.population) or self.population <= 0:
            raise ValueError("目標人口は正の人数で指定してください")
        if self.lever == "mix" and (min(self.mix) < 0 or max(self.mix) <= 0):
            raise ValueError("組合せの比 (出生率:純移動率) は0以上、どちらかを正にしてください")


@dataclass(frozen=True)
class TargetResult:
    request: TargetRequest
    solution: Solution
    scenario: Scenario  # the start scenario with the solved change: project it like any other
    tfr_change: float  # TFR points added by by_year (0 for migration)
    migration_points: float  # points per 5-year period added to the chosen ages (0 for tfr)
    by_year: int
    without: float  # the start scenario's population at the date

    @property
    def migration_points_per_year(self) -> float:
        return self.migration_points / AGE_STEP


def point_dates(base_year: int, steps: int, reference: tuple[int, int]) -> list[dt.date]:
    month, day = reference
    return [dt.date(base_year + AGE_STEP * k, month, day) for k in range(steps + 1)]


def _by_year(target: TargetRequest, base_year: int) -> int:
    if target.by_year is not None:
        return target.by_year
    elapsed = max(target.date.year - base_year, 1)
    return base_year + AGE_STEP * -(-elapsed // AGE_STEP)


def _changes(target: TargetRequest, value: float) -> tuple[float, float]:
    if target.lever == "tfr":
        return value, 0.0
    if target.lever == "migration":
        return 0.0, value
    return value * target.mix[0], value * target.mix[1]


def candidate(target: TargetRequest, value: float, by_year: int, name: str) -> Scenario:
    """The start scenario with the lever set to ``value``."""
    tfr_change, points = _changes(target, value)
    start = target.start
    tfr = start.tfr
    if tfr_change:
        tfr = TfrPath(((by_year, tfr_change),), relative=True)
    migration = start.migration
    if points:
        low, high = target.ages
        migration = (*migration, MigrationDelta(low, high, points / 100.0))
    return replace(start, name=name, tfr=tfr, migration=migration)


def _bounds(target: TargetRequest) -> tuple[float, float]:
    if target.lever == "tfr":
        return TFR_CHANGE
    if target.lever == "migration":
        return MIGRATION_POINTS
    tfr_unit, migration_unit = target.mix
    scales = [b / tfr_unit for b in TFR_CHANGE] if tfr_unit else []
    scales += [b / migration_unit for b in MIGRATION_POINTS] if migration_unit else []
    low = max(s for s in scales if s < 0)
    high = min(s for s in scales if s > 0)
    return low, high


def seek_target(
    request: ProjectionRequest,
    target: TargetRequest,
    run: Runner = run_projection,
    reference: tuple[int, int] = CENSUS_REFERENCE,
) -> TargetResult:
    """Solve for the lever that brings the areas' total (summed) to the target at the date."""
    by_year = _by_year(target, request.base_year)
    to_year = max(request.to_year, _by_year(replace(target, by_year=None), request.base_year))
    dates = point_dates(request.base_year, (to_year - request.base_year) // AGE_STEP, reference)

    def evaluate(values: np.ndarray) -> np.ndarray:
        scenarios = tuple(
            candidate(target, float(v), by_year, f"候補{k}") for k, v in enumerate(values)
        )
        _, result = run(replace(request, to_year=to_year, scenarios=scenarios))
        totals = result.total.population.sum(axis=(2, 3, 4))  # (scenario, year)
        return interpolate_at_date(dates, totals, target.date)

    low, high = _bounds(target)
    solution = solve_monotone(evaluate, target.population, low, high)
    without = float(evaluate(np.array([0.0]))[0])
    tfr_change, points = _changes(target, solution.value)
    scenario = candidate(target, solution.value, by_year, SOLVED_NAME)
    scenario = replace(scenario, description=describe(target, tfr_change, points, by_year))
    return TargetResult(target, solution, scenario, tfr_change, points, by_year, without)


def describe(target: TargetRequest, tfr_change: float, points: float, by_year: int) -> str:
    """The solved change in the words of a 人口ビジョン."""
    parts = []
    if target.lever in ("tfr", "mix"):
        parts.append(f"合計特殊出生率を{by_year}年までに{tfr_change:+.2f}ポイント")
    if target.lever in ("migration", "mix"):
        low, high = target.ages
        parts.append(
            f"{low}～{high}歳の純移動率を5年間あたり{points:+.2f}ポイント"
            f"(年あたり{points / AGE_STEP:+.2f}ポイント)"
        )
    date = f"{target.date.year}年{target.date.month}月{target.date.day}日"
    return f"{date}に{target.population:,.0f}人とするには、" + "、".join(parts) + "変える"
