"""Everything one municipality's 人口ビジョン report shows, gathered by one projection run.

A batch (a prefecture, every municipality) projects all regions at once and then cuts the run
into one :class:`VisionData` per region, so the reports of 60 towns cost one engine pass.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sousei.demography.runner import ScenarioRun
from sousei.vision.inputs import base_tfr, census_history
from sousei.vision.run import ProjectionRequest, run_projection


@dataclass(frozen=True)
class VisionData:
    """One region's census history and its slice of a scenario run.

    ``census`` is (census year, sex, age) in persons with 年齢不詳 allocated; ``census_total``
    (census year,) the published totals including 年齢不詳; ``run`` keeps every region and
    ``region`` says which one this report is about.
    """

    code: str
    name: str
    census_years: tuple[int, ...]
    census: np.ndarray
    census_total: np.ndarray
    run: ScenarioRun
    region: int
    request: ProjectionRequest
    base_tfr: float
    # Where the base population came from when it is not the census (an uploaded table).
    population_source: str = ""

    @property
    def years(self) -> tuple[int, ...]:
        return self.run.total.years

    def population(self, scenario: int = 0) -> np.ndarray:
        """Projected persons (year, sex, age) of one scenario."""
        return self.run.total.population[scenario, :, self.region]


def vision_data(request: ProjectionRequest) -> list[VisionData]:
    """Project every region of ``request`` once and return one report's data per region."""
    _, run = run_projection(request)
    history = census_history(request.regions)
    tfr = base_tfr(request.regions, request.base_year)
    index = {code: i for i, code in enumerate(history.regions)}
    out = []
    for r, code in enumerate(run.total.regions):
        h = index[code]
        out.append(
            VisionData(
                code=code,
                name=history.names[h],
                census_years=history.years,
                census=history.population[:, h],
                census_total=history.observed_total[:, h],
                run=run,
                region=r,
                request=request,
                base_tfr=float(tfr[r]),
            )
        )
    return out
