"""Everything one municipality's 人口ビジョン report shows, gathered by one projection run.

A batch (a prefecture, every municipality) projects all regions at once and then cuts the run
into one :class:`VisionData` per region, so the reports of 60 towns cost one engine pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from sousei.demography.indicators import VitalYear
from sousei.demography.runner import ScenarioRun
from sousei.io.reference.mergers import code_mapping
from sousei.vision.areas import data_codes
from sousei.vision.inputs import base_tfr, census_history
from sousei.vision.juki_series import (
    VITAL_SOURCE,
    ResidentTotal,
    juki_resident_totals,
    juki_vital_years,
)
from sousei.vision.net_migration import NetMigration, net_migration_from_history
from sousei.vision.resident import ResidentPopulation, resident_population
from sousei.vision.run import ProjectionRequest, run_projection
from sousei.vision.user_data import run_user_projection


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
    # The current state beyond the census table: net migration by age (census, always), vital
    # statistics by year and the resident register at the base year (when the user gives them).
    net_migration: NetMigration | None = None
    vital: tuple[VitalYear, ...] = ()
    vital_source: str = ""
    resident: ResidentPopulation | None = None
    # 住基 Japanese/foreign totals 2013-2021 (shipped tables; empty where they lack the area).
    resident_totals: tuple[ResidentTotal, ...] = ()
    # The scenario (name or label) the simulation table's differences are taken from; None:
    # the baseline. A planner shows 改善シナリオ − 将来推計 (総人口改善) by naming the latter.
    against: str | None = None

    @property
    def years(self) -> tuple[int, ...]:
        return self.run.total.years

    def population(self, scenario: int = 0) -> np.ndarray:
        """Projected persons (year, sex, age) of one scenario."""
        return self.run.total.population[scenario, :, self.region]


def vision_data(request: ProjectionRequest) -> list[VisionData]:
    """Project every region of ``request`` once and return one report's data per region."""
    _, run = run_projection(request)
    return with_juki_series(_per_region(run, request, run.total.regions))


def _per_region(
    run: ScenarioRun, request: ProjectionRequest, codes: Sequence[str]
) -> list[VisionData]:
    """Cut the run into regions; ``codes[r]`` is the census code behind run region r."""
    history = census_history(codes)
    migration = net_migration_from_history(history)
    tfr = base_tfr(codes, request.base_year)
    index = {code: i for i, code in enumerate(history.regions)}
    out = []
    for r, code in enumerate(codes):
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
                net_migration=migration.region(h),
            )
        )
    return out


def user_vision_data(
    frame: pd.DataFrame, request: ProjectionRequest, source: str
) -> list[VisionData]:
    """Reports projected from the user's own population table (住民基本台帳), one per area of
    the file (or of ``request.regions``), each with its base-year resident table."""
    _, run = run_user_projection(frame, request)
    codes = data_codes(run.total.regions)
    out = []
    for data, own in zip(_per_region(run, request, codes), run.total.regions, strict=True):
        resident = resident_population(frame, own, request.base_year, source)
        out.append(replace(data, resident=resident))
    return with_juki_series(out)


def with_juki_series(reports: list[VisionData]) -> list[VisionData]:
    """Each report with the shipped 住基 人口動態 (FY2012-2020) and Japanese/foreign totals
    (2013-2021) of its municipality; a vital statistics file given later replaces the former."""
    current = code_mapping([data.code for data in reports], since="2015-10-01")
    out = []
    for data in reports:
        codes = (current[data.code],)
        vital = juki_vital_years(codes)
        out.append(replace(data, vital=vital, vital_source=VITAL_SOURCE if vital else "",
                           resident_totals=juki_resident_totals(codes)))
    return out


def with_vital(
    reports: list[VisionData], vital: Sequence[VitalYear], source: str
) -> list[VisionData]:
    """The same reports with the vital statistics table (one municipality's file)."""
    return [replace(data, vital=tuple(vital), vital_source=source) for data in reports]
