"""The result of a projection: populations per 5-year point and the components of each step.

Components are kept when asked for (``components=True`` in the engine) so that every step can be
checked to balance and so that reports can show births, deaths and net migration per period
without recomputing them; a batch of every municipality x 100 scenarios leaves them out (None).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sousei.demography.rates import cohort_inflow


@dataclass(frozen=True)
class Projection:
    """Projected persons with labelled axes.

    - ``population``: (scenario, year, region, sex, age); ``years[0]`` is the base year.
    - ``births``: (scenario, step, region, sex): births in the step (entries to age 0-4).
    - ``deaths``, ``net_migration``: (scenario, step, region, sex, age), indexed by the age
      group at the *end* of the step (index 0: deaths among and moves of the step's births;
      the open group 90+ holds those of 85-89 and 90+). With the cohort change ratio method,
      deaths and moves cannot be told apart: ``deaths`` is zero and ``net_migration`` holds the
      whole cohort change (``method == "cohort_change"``).
    """

    population: np.ndarray
    births: np.ndarray | None
    deaths: np.ndarray | None
    net_migration: np.ndarray | None
    years: tuple[int, ...]
    regions: tuple[str, ...]
    scenarios: tuple[str, ...]
    nationality: str = "total"
    method: str = "cohort_component"

    @property
    def steps(self) -> int:
        return len(self.years) - 1

    def balance_residual(self) -> np.ndarray:
        """P(t+5) - (cohorts moved on + births - deaths + net moves) per cell; 0 if sound."""
        if self.births is None or self.deaths is None or self.net_migration is None:
            raise ValueError("出生・死亡・移動を記録していない推計です（components=True で推計してください）")
        start = self.population[:, :-1]
        end = self.population[:, 1:]
        expected = cohort_inflow(start)
        expected[..., 0] = self.births
        expected = expected - self.deaths + self.net_migration
        return end - expected

    def year_index(self, year: int) -> int:
        try:
            return self.years.index(year)
        except ValueError:
            raise KeyError(
                f"{year}年は推計期間 {self.years[0]}-{self.years[-1]} にありません"
            ) from None

    def scenario_index(self, name: str) -> int:
        try:
            return self.scenarios.index(name)
        except ValueError:
            raise KeyError(f"シナリオ {name!r} がありません") from None

    def region_index(self, code: str) -> int:
        try:
            return self.regions.index(code)
        except ValueError:
            raise KeyError(f"地域コード {code} がありません") from None


def combine(japanese: Projection, foreign: Projection) -> Projection:
    """Japanese and foreign residents projected separately, summed into the total population."""
    if (japanese.years, japanese.regions, japanese.scenarios) != (
        foreign.years,
        foreign.regions,
        foreign.scenarios,
    ):
        raise ValueError("日本人と外国人の推計で年・地域・シナリオが一致しません")
    def both(name: str) -> np.ndarray | None:
        mine, theirs = getattr(japanese, name), getattr(foreign, name)
        return None if mine is None or theirs is None else mine + theirs

    return Projection(
        population=japanese.population + foreign.population,
        births=both("births"),
        deaths=both("deaths"),
        net_migration=both("net_migration"),
        years=japanese.years,
        regions=japanese.regions,
        scenarios=japanese.scenarios,
        nationality="total",
        method="combined",
    )
