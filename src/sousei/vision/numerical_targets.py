"""The basic goals' numerical targets that follow from the chosen 将来展望 scenario.

A 総合戦略 sets, under its basic goals, targets such as 「純移動数: 推計値よりも社会減を630人抑制」
or the births over five years against the IPSS estimate. They are the components of the chosen
scenario summed over the plan's 5-year period, set against the same sums of a reference (the
baseline 将来推計, or the run made with IPSS's assumptions), and their difference. The engine's
births are those who reach age 0-4 at the period's end (the child-woman ratio method), which is
what a cohort-component 人口ビジョン reports as 出生数.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sousei.demography.runner import ScenarioRun
from sousei.vision.tables import scenario_label

COMPONENTS = {
    "births": "出生数(5年間)",
    "net_migration": "純移動数(5年間)",
    "tfr": "合計特殊出生率(期末)",
}


@dataclass(frozen=True)
class ComponentSums:
    """Per scenario and 5-year period: births, net migration (persons), TFR at the end."""

    scenarios: tuple[str, ...]
    periods: tuple[tuple[int, int], ...]
    births: np.ndarray  # (scenario, period)
    net_migration: np.ndarray  # (scenario, period)
    tfr: np.ndarray  # (scenario, period), the areas' mean at the period's end

    def frame(self) -> pd.DataFrame:
        """Rows (シナリオ, 指標) x columns 2020～2025 …, as a 人口ビジョン prints them."""
        columns = [f"{start}～{end}" for start, end in self.periods]
        rows, data = [], []
        for k, label in enumerate(self.scenarios):
            for name, text in COMPONENTS.items():
                rows.append((label, text))
                data.append(getattr(self, name)[k])
        index = pd.MultiIndex.from_tuples(rows, names=["シナリオ", "指標"])
        return pd.DataFrame(np.array(data), index=index, columns=columns)


def component_sums(run: ScenarioRun, regions: slice | list[int] | None = None) -> ComponentSums:
    """Sums over the chosen regions (all by default: a partnership as a whole)."""
    part = slice(None) if regions is None else regions
    total = run.total
    births = total.births[:, :, part].sum(axis=(2, 3))
    migration = total.net_migration[:, :, part].sum(axis=(2, 3, 4))
    tfr = run.tfr[:, 1:, part].mean(axis=2)
    periods = tuple(zip(total.years[:-1], total.years[1:], strict=True))
    labels = tuple(scenario_label(run, k) for k in range(len(run.scenarios)))
    return ComponentSums(labels, periods, births, migration, tfr)


@dataclass(frozen=True)
class NumericalTarget:
    """One target row: the chosen scenario's sum, the reference's and the difference."""

    indicator: str
    period: tuple[int, int]
    chosen: float
    reference: float

    @property
    def difference(self) -> float:
        return self.chosen - self.reference

    def wording(self, reference_name: str) -> str:
        """「推計値よりも社会減を630人抑制」 style wording of the difference."""
        amount = f"{abs(self.difference):,.0f}人"
        if self.indicator == "net_migration":
            if self.reference < 0:
                verb = "抑制" if self.difference >= 0 else "拡大"
                return f"{reference_name}よりも社会減を{amount}{verb}"
            return f"{reference_name}よりも純移動数を{amount}{'増加' if self.difference >= 0 else '減少'}"
        if self.indicator == "births":
            return f"{reference_name}よりも出生数を{amount}{'増加' if self.difference >= 0 else '減少'}"
        return f"{reference_name}の{self.reference:.2f}に対し{self.chosen:.2f}"


def numerical_targets(
    sums: ComponentSums, chosen: int, reference: int, period: tuple[int, int]
) -> list[NumericalTarget]:
    """The chosen scenario's targets over ``period`` (a 5-year period of the run)."""
    if period not in sums.periods:
        names = "、".join(f"{a}～{b}" for a, b in sums.periods)
        raise ValueError(f"期間 {period[0]}～{period[1]} は推計の5年期間 ({names}) にありません")
    p = sums.periods.index(period)
    return [
        NumericalTarget(name, period, float(getattr(sums, name)[chosen, p]),
                        float(getattr(sums, name)[reference, p]))
        for name in COMPONENTS
    ]
