"""Policy scenarios as data, and their translation into the kernel's scenario arrays.

A scenario says what a municipality hopes to change, in the words of its 人口ビジョン: "TFR +0.1
by 2060", "net migration of ages 10-29 improves 0.5 points", "foreign residents reach 10.8% in
2070", "migration converges to half". Here each becomes a small array on the scenario axis so a
hundred scenarios run as one batch against the same base assumptions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from sousei.demography.ages import AGE_STARTS, AGE_STEP, N_AGES, SEXES
from sousei.demography.bounds import (
    LAST_TARGET_YEAR,
    MAX_AGE,
    MAX_MIGRATION_CHANGE,
    TFR_CHANGE_RANGE,
    TFR_RANGE,
    check_finite,
    check_year,
)

MIGRATION_VARIANTS = ("net_rates", "converging", "zero")


class ScenarioError(ValueError):
    """A value of a scenario outside its documented range; ``key`` is the scenario file's key
    (``tfr.target``, ``migration[0].ages`` …) so the TOML reader, the web form and the API
    each point at the value to fix with this one Japanese message."""

    def __init__(self, message: str, key: str, part: str = "value") -> None:
        super().__init__(message)
        self.key = key
        self.part = part  # "year" or "value": which of a (year, value) pair is wrong


def _finite(value: float, key: str, what: str) -> float:
    try:
        return check_finite(value, what)
    except (TypeError, ValueError) as error:
        raise ScenarioError(str(error), key) from None


def _target_year(year: int, key: str, what: str) -> None:
    if isinstance(year, bool) or not isinstance(year, int | np.integer):
        raise ScenarioError(f"{what}は整数の年にしてください (値: {year!r})", key, "year")
    try:
        check_year(int(year), what, LAST_TARGET_YEAR)
    except ValueError as error:
        raise ScenarioError(str(error), key, "year") from None


@dataclass(frozen=True)
class TfrPath:
    """Points of a TFR path, linear between them and flat after the last.

    ``relative``: the values are changes added to the municipality's base TFR ("+0.1 by 2060");
    otherwise they are the TFR itself ("1.8 by 2040"). Either way the path starts from the base
    TFR at the base year.
    """

    points: tuple[tuple[int, float], ...]
    relative: bool = True

    def __post_init__(self) -> None:
        years = [year for year, _ in self.points]
        if not years or years != sorted(set(years)):
            raise ScenarioError("合計特殊出生率の目標年は1つ以上、昇順で重複なく指定してください",
                                "tfr.points", "year")
        low, high = TFR_RANGE
        for year, value in self.points:
            key = f"tfr.points.{year}" if len(years) > 1 else None
            _target_year(year, key or "tfr.by", "合計特殊出生率の目標年")
            value_key = key or ("tfr.change" if self.relative else "tfr.target")
            value = _finite(value, value_key, "合計特殊出生率")
            change_low, change_high = TFR_CHANGE_RANGE
            if self.relative and not change_low <= value <= change_high:
                raise ScenarioError(f"合計特殊出生率の引き上げ幅は{change_low:+}～{change_high:+}の範囲に"
                                    f"してください (値: {value})", value_key)
            if not self.relative and not low <= value <= high:
                raise ScenarioError(f"合計特殊出生率は{low}～{high}の範囲で入力してください"
                                    f" (値: {value})", value_key)


@dataclass(frozen=True)
class MigrationDelta:
    """Added to the 5-year net migration rate of the cohorts aged ``age_from``-``age_to``
    at the start of a period (0.005 = 0.5 point), for ``sex`` ("both", "M" or "F"), from the
    period starting in ``start_year`` on (every period when None)."""

    age_from: int
    age_to: int
    delta: float
    sex: str = "both"
    start_year: int | None = None

    def __post_init__(self) -> None:
        if self.sex not in ("both", *SEXES):
            raise ScenarioError(f"性別 {self.sex!r} は both / M / F のいずれかです", "sex")
        if not 0 <= self.age_from <= self.age_to <= MAX_AGE:
            raise ScenarioError(f"年齢の範囲 {self.age_from}-{self.age_to} が正しくありません", "ages")
        if self.age_from % AGE_STEP or (self.age_to + 1) % AGE_STEP:
            raise ScenarioError(f"年齢 {self.age_from}-{self.age_to} は5歳階級の境目 (例 10-29) に"
                                "してください", "ages")
        delta = _finite(self.delta, "change", "純移動率の変化")
        if abs(delta) > MAX_MIGRATION_CHANGE:
            raise ScenarioError(f"純移動率の変化は5年間あたり±{MAX_MIGRATION_CHANGE * 100:.0f}ポイント"
                                f"(1年あたり±{MAX_MIGRATION_CHANGE * 100 / AGE_STEP:.0f}ポイント)以内"
                                "にしてください", "change")
        if self.start_year is not None:
            _target_year(self.start_year, "from", "開始年")


@dataclass(frozen=True)
class Scenario:
    """One named scenario; the default changes nothing (it is the baseline)."""

    name: str
    tfr: TfrPath | None = None
    migration: tuple[MigrationDelta, ...] = ()
    migration_variant: str = "net_rates"
    convergence_fraction: float = 0.5
    convergence_year: int = 2020
    foreign_share: tuple[int, float] | None = None  # (year, share as a fraction, 0.108)
    description: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.migration_variant not in MIGRATION_VARIANTS:
            raise ScenarioError(
                f"移動の仮定 {self.migration_variant!r} は {MIGRATION_VARIANTS} のいずれかです",
                "migration_variant.kind")
        if self.migration_variant == "converging":
            fraction = _finite(self.convergence_fraction, "migration_variant.fraction",
                               "収束後の割合")
            if not 0 <= fraction <= 1:
                raise ScenarioError("収束後の割合は0～1で入力してください",
                                    "migration_variant.fraction")
            _target_year(self.convergence_year, "migration_variant.by", "収束年")
        if self.foreign_share is not None:
            year, share = self.foreign_share
            _target_year(year, "foreign.by", "外国人比率の目標年")
            if not 0 <= _finite(share, "foreign.share", "外国人比率") < 1:
                raise ScenarioError("外国人比率は0以上100未満(%)で入力してください",
                                    "foreign.share")

    def check_base_year(self, base_year: int) -> None:
        """Target years after the base year (a start year may be the base year itself): a
        scenario saved against an older base has no meaning for a newer one."""
        years: list[tuple[int, str, str, bool]] = []
        if self.tfr is not None:
            many = len(self.tfr.points) > 1
            years += [(year, f"tfr.points.{year}" if many else "tfr.by", "合計特殊出生率の目標年",
                       False) for year, _ in self.tfr.points]
        years += [(m.start_year, f"migration[{i}].from", "開始年", True)
                  for i, m in enumerate(self.migration) if m.start_year is not None]
        if self.migration_variant == "converging":
            years.append((self.convergence_year, "migration_variant.by", "収束年", False))
        if self.foreign_share is not None:
            years.append((self.foreign_share[0], "foreign.by", "外国人比率の目標年", False))
        for year, key, what, from_base in years:
            if year < base_year or (year == base_year and not from_base):
                since = "以降" if from_base else "より後"
                raise ScenarioError(f"{what} {year}年は基準年 {base_year}年{since}にしてください", key,
                                    "year")


BASELINE = Scenario(name="baseline", description="基準推計")


def _after_base(year: int, base_year: int, what: str) -> None:
    """Paths run from the base year to their points; a point at or before it has no meaning
    (a scenario saved against an older base year, say), so it is refused, not interpolated."""
    if year <= base_year:
        raise ValueError(f"{what} {year}年は基準年 {base_year}年より後にしてください")


def _interp_weights(years: np.ndarray, knots: np.ndarray) -> np.ndarray:
    """Matrix W (year, knot) with W @ values = values linearly interpolated at ``years``."""
    eye = np.eye(len(knots))
    return np.stack([np.interp(years, knots, eye[j]) for j in range(len(knots))], axis=1)


def tfr_paths(
    scenarios: Sequence[Scenario], base_tfr: np.ndarray, base_year: int, years: np.ndarray
) -> np.ndarray:
    """TFR of every scenario at ``years`` per region, shape (scenario, year, region)."""
    base_tfr = np.asarray(base_tfr, dtype=float)
    out = np.broadcast_to(base_tfr, (len(scenarios), len(years), base_tfr.size)).copy()
    for k, scenario in enumerate(scenarios):  # a handful of knots per scenario, not a hot loop
        if scenario.tfr is None:
            continue
        _after_base(scenario.tfr.points[0][0], base_year, f"{scenario.name}: 合計特殊出生率の目標年")
        knots = np.array([base_year] + [year for year, _ in scenario.tfr.points], dtype=float)
        values = np.array([value for _, value in scenario.tfr.points])
        weights = _interp_weights(np.asarray(years, float), knots)
        if scenario.tfr.relative:
            out[k] = base_tfr[None, :] + (weights[:, 1:] @ values)[:, None]
        else:
            out[k] = weights[:, :1] * base_tfr[None, :] + (weights[:, 1:] @ values)[:, None]
    return out


def migration_arrays(
    scenarios: Sequence[Scenario], base_year: int, steps: int
) -> tuple[np.ndarray, np.ndarray]:
    """(multiplier, delta) for M' = M x multiplier + delta, shapes (scenario, step, 1, 1, 1)
    and (scenario, step, 1, sex, age)."""
    starts = base_year + AGE_STEP * np.arange(steps)
    ages = np.asarray(AGE_STARTS)
    multiplier = np.ones((len(scenarios), steps, 1, 1, 1))
    delta = np.zeros((len(scenarios), steps, 1, len(SEXES), N_AGES))
    for k, scenario in enumerate(scenarios):
        if scenario.migration_variant == "zero":
            multiplier[k] = 0.0
        elif scenario.migration_variant == "converging":
            knots = [base_year, max(scenario.convergence_year, base_year + 1)]
            factor = np.interp(starts, knots, [1.0, scenario.convergence_fraction])
            multiplier[k] = factor[:, None, None, None]
        for change in scenario.migration:
            in_ages = (ages >= change.age_from) & (ages + AGE_STEP - 1 <= change.age_to)
            in_sex = np.array([change.sex in ("both", sex) for sex in SEXES])
            in_time = starts >= (change.start_year or base_year)
            delta[k, :, 0] += change.delta * (
                in_time[:, None, None] * in_sex[None, :, None] * in_ages[None, None, :]
            )
    return multiplier, delta


def foreign_share_paths(
    scenarios: Sequence[Scenario], base_share: np.ndarray, base_year: int, years: np.ndarray
) -> np.ndarray:
    """Foreign share per scenario, year and region; NaN where a scenario sets no target."""
    base_share = np.asarray(base_share, dtype=float)
    out = np.full((len(scenarios), len(years), base_share.size), np.nan)
    for k, scenario in enumerate(scenarios):
        if scenario.foreign_share is None:
            continue
        target_year, target = scenario.foreign_share
        _after_base(target_year, base_year, f"{scenario.name}: 外国人比率の目標年")
        weight = np.interp(np.asarray(years, float), [base_year, target_year], [0.0, 1.0])
        out[k] = base_share[None, :] + weight[:, None] * (target - base_share[None, :])
    return out
