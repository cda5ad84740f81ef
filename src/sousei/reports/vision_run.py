"""Report data from a run made elsewhere: the web app projects an organisation's uploaded table
(``run_user_projection``) and reports that run, rather than re-projecting the census.

Each run region gets the census history of the shipped areas behind its code (summed when a
municipality was formed by a merger), and the base TFR its baseline assumed.
"""

from __future__ import annotations

from sousei.demography.runner import ScenarioRun
from sousei.reports.vision_data import VisionData
from sousei.vision.areas import data_codes
from sousei.vision.inputs import census_history
from sousei.vision.run import ProjectionRequest


def region_reports(
    run: ScenarioRun, names: dict[str, str], population_source: str = ""
) -> list[VisionData]:
    """One VisionData per region of ``run``; ``names`` maps region codes to display names."""
    request = ProjectionRequest(
        run.total.regions, run.total.years[0], run.total.years[-1], run.scenarios
    )
    out = []
    for r, code in enumerate(run.total.regions):
        history = census_history(data_codes((code,)))
        out.append(
            VisionData(
                code=code,
                name=names.get(code) or history.names[0],
                census_years=history.years,
                census=history.population.sum(axis=1),
                census_total=history.observed_total.sum(axis=1),
                run=run,
                region=r,
                request=request,
                base_tfr=float(run.tfr[0, 0, r]),
                population_source=population_source,
            )
        )
    return out
