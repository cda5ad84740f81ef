"""The inputs of a projection step by step, as arrays a user can also supply or edit.

Each array broadcasts against a fixed axis order with singleton axes where it does not vary,
padded on the left: cohort arrays against (scenario, step, region, sex, age), child-woman and sex
ratios against (scenario, step, region), birth survival against (scenario, step, region, sex).
A (region, sex, age) array is therefore "the same every step and scenario"; a (step, region,
sex, age) array varies by step. Scenario effects (fertility factor, migration multiplier and
delta) are separate fields so a batch of 100 scenarios never copies the base rates 100 times.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

COHORT_RANK = 5  # scenario, step, region, sex, age
REGION_RANK = 3  # scenario, step, region
SEX_RANK = 4  # scenario, step, region, sex


def pad_rank(values: np.ndarray | float, rank: int) -> np.ndarray:
    """Add singleton axes on the left until ``values`` has ``rank`` axes."""
    values = np.asarray(values, dtype=float)
    if values.ndim > rank:
        raise ValueError(f"配列の次元が多すぎます ({values.ndim} > {rank})")
    return values.reshape((1,) * (rank - values.ndim) + values.shape)


def at_step(values: np.ndarray, step: int) -> np.ndarray:
    """The slice of a padded array for one step (a singleton step axis means every step)."""
    return values[:, step if values.shape[1] > 1 else 0]


@dataclass(frozen=True)
class Assumptions:
    """Cohort-component inputs (see module docstring for shapes).

    - ``survival_ratio`` S and ``net_migration_rate`` M by start age group (rates.py's layout).
    - ``child_woman_ratio``: 0-4 (both sexes) / women 15-49 at the *end* of each step.
    - ``sex_ratio_0_4``: boys per 100 girls aged 0-4 at the end of each step.
    - ``birth_survival``: share of a step's births alive at its end (for the births and deaths
      accounts only; the 0-4 population itself comes from the child-woman ratio).
    - ``net_migrants``: optional counts by *end* age group, added after the rates (foreign
      residents, or a municipality's own migration plan).
    - ``fertility_factor``: multiplies the child-woman ratio (TFR scenarios).
    - ``migration_multiplier`` and ``migration_delta``: M' = M x multiplier + delta (converging
      or zero migration, and "+0.5 point for ages 10-29" scenarios).
    """

    survival_ratio: np.ndarray
    net_migration_rate: np.ndarray
    child_woman_ratio: np.ndarray
    sex_ratio_0_4: np.ndarray
    birth_survival: np.ndarray = field(default_factory=lambda: np.ones(1))
    net_migrants: np.ndarray | None = None
    fertility_factor: np.ndarray = field(default_factory=lambda: np.ones(1))
    migration_multiplier: np.ndarray = field(default_factory=lambda: np.ones(1))
    migration_delta: np.ndarray = field(default_factory=lambda: np.zeros(1))

    def __post_init__(self) -> None:
        ranks = {
            "survival_ratio": COHORT_RANK,
            "net_migration_rate": COHORT_RANK,
            "child_woman_ratio": REGION_RANK,
            "sex_ratio_0_4": REGION_RANK,
            "birth_survival": SEX_RANK,
            "fertility_factor": REGION_RANK,
            "migration_multiplier": COHORT_RANK,
            "migration_delta": COHORT_RANK,
        }
        for name, rank in ranks.items():
            object.__setattr__(self, name, pad_rank(getattr(self, name), rank))
        if self.net_migrants is not None:
            object.__setattr__(self, "net_migrants", pad_rank(self.net_migrants, COHORT_RANK))
        if np.any(self.survival_ratio < 0) or np.any(self.survival_ratio > 1):
            raise ValueError("生残率は0以上1以下でなければなりません")
        if np.any(self.child_woman_ratio < 0) or np.any(self.fertility_factor < 0):
            raise ValueError("子ども女性比と出生率の倍率は負にできません")
        if np.any(self.sex_ratio_0_4 <= 0):
            raise ValueError("0～4歳性比は正の値でなければなりません")

    def n_scenarios(self) -> int:
        """The length of the scenario axis implied by the arrays (1 if none varies)."""
        sizes = {
            getattr(self, name).shape[0]
            for name in (
                "survival_ratio",
                "net_migration_rate",
                "child_woman_ratio",
                "sex_ratio_0_4",
                "birth_survival",
                "fertility_factor",
                "migration_multiplier",
                "migration_delta",
            )
        }
        if self.net_migrants is not None:
            sizes.add(self.net_migrants.shape[0])
        sizes.discard(1)
        if len(sizes) > 1:
            raise ValueError(f"シナリオ軸の長さが一致しません: {sorted(sizes)}")
        return sizes.pop() if sizes else 1

    def extended(self, steps: int) -> Assumptions:
        """The same assumptions over ``steps`` steps, the last given step held constant after.

        IPSS 2018 ends in 2045; a 人口ビジョン runs to 2060 or 2070 on the assumptions of the
        last period, which is what the Cabinet Office worksheet does too.
        """
        changes = {}
        for name in (
            "survival_ratio",
            "net_migration_rate",
            "child_woman_ratio",
            "sex_ratio_0_4",
            "birth_survival",
            "fertility_factor",
            "migration_multiplier",
            "migration_delta",
            "net_migrants",
        ):
            values = getattr(self, name)
            if values is None or values.shape[1] in (1, steps):
                continue
            index = np.minimum(np.arange(steps), values.shape[1] - 1)
            changes[name] = values[:, index]
        return replace(self, **changes)

    def with_scenarios(self, **changes: np.ndarray) -> Assumptions:
        """A copy with scenario fields replaced (validated like the original)."""
        return replace(self, **changes)
