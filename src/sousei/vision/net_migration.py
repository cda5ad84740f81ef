"""Net migration by sex and 5-year cohort between census pairs (国勢調査 residual method).

The classic 人口ビジョン chart 「年齢階級別純移動数の時系列分析」: for each census period, the
net migrants of each cohort are P(t+5, x+5) - P(t, x) x S, where S is the life-table survival
ratio of that period, the very residual the projection's net migration rates are estimated
from (:func:`sousei.demography.rates.net_migrants`). Persons born during the period (0-4 at its
end) have no residual: the engine treats them through the child-woman ratio, so they are left
out here too, and the last transition joins 85-89 and 90+ into 90+ as the engine does.

All municipalities are computed in one vectorised pass; an organisation of several areas
(a partnership) is their sum. Survival ratios are national, so the residual of the sum equals
the sum of the residuals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sousei.demography.ages import AGE_LABELS_JA, AGE_STARTS, AGE_STEP, OPEN
from sousei.demography.rates import _ratio, net_migrants
from sousei.vision.inputs import CensusHistory, census_history
from sousei.vision.mortality import period_survival

CENSUS_SOURCE = "総務省「国勢調査」、Human Mortality Database(日本の生命表)から算出"


def transition_labels() -> tuple[str, ...]:
    """``0～4歳→5～9歳`` … ``80～84歳→85～89歳``, ``85歳以上→90歳以上`` (18 transitions)."""
    labels = [f"{AGE_LABELS_JA[a]}→{AGE_LABELS_JA[a + 1]}" for a in range(OPEN - 1)]
    labels.append(f"{AGE_STARTS[OPEN - 1]}歳以上→{AGE_LABELS_JA[OPEN]}")
    return tuple(labels)


TRANSITIONS = transition_labels()


@dataclass(frozen=True)
class NetMigration:
    """Net migrants (persons) and rates by (period, region, sex, transition).

    ``periods`` are the start years (1980 for 1980→1985). ``persons[..., k]`` is the net
    migration of transition ``TRANSITIONS[k]`` and ``exposed[..., k]`` the cohort's population
    at the start (the engine's denominator of :attr:`rates`). ``natural_change`` (period,
    region) is the change the same survival ratios imply: the 0-4 population at the end
    (survived births) minus the expected deaths of everyone alive at the start.
    """

    periods: tuple[int, ...]
    regions: tuple[str, ...]
    names: tuple[str, ...]
    persons: np.ndarray
    exposed: np.ndarray
    natural_change: np.ndarray
    census_change: np.ndarray

    def total(self) -> NetMigration:
        """The sum of every region (a partnership of several municipalities) as one region."""
        return NetMigration(
            self.periods,
            ("+".join(self.regions),),
            ("・".join(self.names),),
            self.persons.sum(axis=1, keepdims=True),
            self.exposed.sum(axis=1, keepdims=True),
            self.natural_change.sum(axis=1, keepdims=True),
            self.census_change.sum(axis=1, keepdims=True),
        )

    def region(self, index: int) -> NetMigration:
        """One region's series (the region axis kept, length 1)."""
        part = slice(index, index + 1)
        return NetMigration(
            self.periods,
            self.regions[part],
            self.names[part],
            self.persons[:, part],
            self.exposed[:, part],
            self.natural_change[:, part],
            self.census_change[:, part],
        )

    @property
    def rates(self) -> np.ndarray:
        """Net migrants per person of the cohort at the start (0 for an empty cohort)."""
        return _ratio(self.persons, self.exposed)

    def period_labels(self) -> tuple[str, ...]:
        return tuple(f"{y}→{y + AGE_STEP}年" for y in self.periods)


def net_migration_from_history(history: CensusHistory) -> NetMigration:
    """Every consecutive census pair of ``history``, every region at once."""
    years = history.years
    periods = tuple(y for y in years[:-1] if y + AGE_STEP in years)
    start = np.stack([history.population[years.index(y)] for y in periods])
    end = np.stack([history.population[years.index(y + AGE_STEP)] for y in periods])
    survival = np.stack([period_survival(y)[0] for y in periods])[:, None]  # (period, 1, sex, age)
    residual = net_migrants(start, end, survival)
    exposed = start[..., :OPEN].copy()
    exposed[..., OPEN - 1] += start[..., OPEN]
    deaths = (start * (1.0 - survival)).sum(axis=(-2, -1))
    return NetMigration(
        periods=periods,
        regions=history.regions,
        names=history.names,
        persons=residual[..., 1:],
        exposed=exposed,
        natural_change=end[..., 0].sum(axis=-1) - deaths,
        census_change=(end - start).sum(axis=(-2, -1)),
    )


def census_net_migration(regions: Sequence[str] | None = None) -> NetMigration:
    """Net migration 1980→1985 … 2010→2015 from the shipped census (all regions when None)."""
    return net_migration_from_history(census_history(regions))


def organisation_net_migration(regions: Sequence[str]) -> NetMigration:
    """One region's series, or the sum of several (a partnership's member municipalities)."""
    result = census_net_migration(regions)
    return result if len(result.regions) == 1 else result.total()
