"""Probabilistic projections: the baseline re-run with net migration perturbed, many times.

Each draw gives every municipality one standard normal z and shocks its net migration rate,
the same at every age: ``M' = M + delta_k`` in step k, chosen so that the cumulative log
shock after k steps is ``centre_k + sigma_k z``, with centre and sigma of its size class read
from the error model (the median and the 10-90% spread of the backtest errors at that
horizon, vision/intervals.py). The draws thus reproduce the empirical spread of the census
around past projections at every horizon, and a town that drifts keeps drifting. Migration carries the shock because it is what
the backtests get most wrong in a town; survival and fertility stay at their point values.

The work is chunked over regions, each chunk drawing from its own seed
``SeedSequence([seed, chunk number])``, so a chunk gives the same numbers wherever it runs:
in this process (:func:`draws_in_memory`, every region in one array) or as Dask tasks
(:func:`draws_with_dask`: the local threaded scheduler, or a dask.distributed cluster).
Dask is imported only here, and only when draws are asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sousei.demography.ages import AGE_STEP
from sousei.demography.cohort_component import project_cohort_component
from sousei.vision.intervals import class_index, quantiles_by_step, shipped_model
from sousei.vision.run import ProjectionRequest, census_inputs

SUMMARY_QUANTILES = {"q025": 0.025, "q100": 0.10, "q500": 0.50, "q900": 0.90, "q975": 0.975}
Z_80 = 1.2815515655446004  # the standard normal's 90% quantile
CELLS_PER_CHUNK = 5_000_000  # draws x points x sex x age x regions per task: ~40 MB an array


@dataclass(frozen=True)
class DrawRequest:
    regions: tuple[str, ...]
    base_year: int = 2015
    to_year: int = 2045
    draws: int = 100
    seed: int = 0
    migration_periods: int | None = None  # None: the robust multi-period default
    regions_per_chunk: int | None = None  # None: as many as fit CELLS_PER_CHUNK

    def __post_init__(self) -> None:
        if self.draws < 1:
            raise ValueError(f"試行回数は1以上にしてください ({self.draws})")
        if self.regions_per_chunk is not None and self.regions_per_chunk < 1:
            raise ValueError("1タスクの地域数は1以上にしてください")

    def steps(self) -> int:
        return ProjectionRequest(self.regions, self.base_year, self.to_year).steps()

    def chunk_size(self) -> int:
        """Regions per task, so that a chunk's arrays stay around 40 MB each."""
        if self.regions_per_chunk is not None:
            return self.regions_per_chunk
        per_region = self.draws * (self.steps() + 1) * 36
        return max(1, min(len(self.regions), CELLS_PER_CHUNK // per_region))

    def chunks(self) -> list[tuple[int, tuple[str, ...]]]:
        size = self.chunk_size()
        return [(i // size, self.regions[i : i + size]) for i in range(0, len(self.regions), size)]


def cumulative_scales(base_year: int, steps: int) -> tuple[np.ndarray, np.ndarray]:
    """(centre, sigma) as (step, size class) of the log deviation of the truth after each step.

    The truth sits at ``P * exp(-r)`` (r = ln(projected / census)): centre -median(r), sigma
    the 10-90% spread of r as a normal's. Step 0 is zero.
    """
    grid = quantiles_by_step(shipped_model(base_year), ("q100", "q500", "q900"),
                             np.arange(steps + 1))
    centre = -grid[..., 1]
    sigma = (grid[..., 2] - grid[..., 0]) / (2 * Z_80)
    return centre.T, sigma.T


PILOT_SHOCK = 0.01  # the small persistent shock that measures each town's response


def draw_shocks(
    request: DrawRequest, chunk: int, base_total: np.ndarray, response: np.ndarray
) -> np.ndarray:
    """delta (draw, step, region) for one chunk, from the chunk's own seed.

    One standard normal z per draw and region, persistent over the horizon: the cumulative log
    deviation of the total after k steps should be ``centre_k + sigma_k z``. ``response``
    (step+1, region) is how much of the cumulative log shock the total shows after k steps
    (births follow the shocked mothers, so it exceeds 1); the target divided by it is the
    cumulative shock, and the per-step shock its increment.
    """
    rng = np.random.default_rng(np.random.SeedSequence([request.seed, chunk]))
    centre, sigma = cumulative_scales(request.base_year, request.steps())
    classes = class_index(base_total)
    normal = rng.standard_normal((request.draws, 1, len(base_total)))
    target = centre[None, :, classes] + sigma[None, :, classes] * normal  # (draw, step+1, region)
    return np.expm1(np.diff(target / response[None], axis=1))


def _project(request: DrawRequest, regions: tuple[str, ...], shocks: np.ndarray) -> np.ndarray:
    """Totals (draw, year, region) of the baseline with each draw's migration shock."""
    base, assumptions = census_inputs(
        ProjectionRequest(regions, request.base_year, request.to_year,
                          migration_periods=request.migration_periods)
    )
    delta = assumptions.migration_delta + shocks[..., None, None]
    changed = assumptions.with_scenarios(migration_delta=delta)
    projection = project_cohort_component(base, changed, request.steps(), threads=1)
    return projection.population.sum(axis=(-2, -1))


def pilot(request: DrawRequest, regions: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Base totals (region,) and the response (step+1, region) per unit of cumulative shock.

    Measured on each region itself: the baseline against a persistent ``PILOT_SHOCK``, the
    log ratio of their totals after k steps over the k steps' log shock (1 at the base).
    """
    steps = request.steps()
    shocks = np.zeros((2, steps, len(regions)))
    shocks[1] = PILOT_SHOCK
    totals = _project(request, regions, shocks)
    cumulative = np.log1p(PILOT_SHOCK) * np.arange(steps + 1)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        response = np.log(totals[1] / totals[0]) / cumulative
    response[0] = 1.0
    return totals[0, 0], np.where(np.isfinite(response) & (response > 0), response, 1.0)


def summarise_draws(totals: np.ndarray) -> np.ndarray:
    """(year, region, statistic): mean then the SUMMARY_QUANTILES over the draw axis."""
    quantiles = np.quantile(totals, list(SUMMARY_QUANTILES.values()), axis=0)
    return np.concatenate([totals.mean(axis=0)[None], quantiles]).transpose(1, 2, 0)


def run_chunk(request: DrawRequest, chunk: int, regions: tuple[str, ...]) -> np.ndarray:
    """One Dask task: the summary (year, region, statistic) of one chunk's draws."""
    shocks = draw_shocks(request, chunk, *pilot(request, regions))
    return summarise_draws(_project(request, regions, shocks))


def draws_in_memory(request: DrawRequest) -> np.ndarray:
    """Every region's draws in one array (small runs): the reference for the Dask path."""
    shocks = np.concatenate(
        [draw_shocks(request, chunk, *pilot(request, regions))
         for chunk, regions in request.chunks()],
        axis=2,
    )
    return summarise_draws(_project(request, request.regions, shocks))


def draws_with_dask(request: DrawRequest, scheduler: str | None = None) -> np.ndarray:
    """The chunks as Dask tasks: local threads by default, or the cluster at ``scheduler``."""
    import dask

    tasks = [dask.delayed(run_chunk)(request, chunk, regions) for chunk, regions in request.chunks()]
    if scheduler is None:
        parts = dask.compute(*tasks, scheduler="threads")
    else:
        from distributed import Client

        with Client(scheduler) as client:
            parts = dask.compute(*tasks, scheduler=client)
    return np.concatenate(parts, axis=1)


def draws_frame(request: DrawRequest, summary: np.ndarray) -> pd.DataFrame:
    """Long table: area_code, year, draws, mean, q025 ... q975 of the total population."""
    years = request.base_year + AGE_STEP * np.arange(request.steps() + 1)
    y, r = (axis.ravel() for axis in np.indices(summary.shape[:2]))
    frame = pd.DataFrame({
        "area_code": np.array(request.regions, dtype=object)[r],
        "year": years[y],
        "draws": request.draws,
    })
    for i, name in enumerate(("mean", *SUMMARY_QUANTILES)):
        frame[name] = summary[..., i].ravel()
    return frame
