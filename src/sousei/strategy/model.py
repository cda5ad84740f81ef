"""The strategy as data: basic goals > measures > projects > KPIs, with actuals and targets.

Plain frozen dataclasses so a strategy can be compared (read -> write -> read), hashed and built
in a notebook; evaluation lives in `evaluation.py`, not on the classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Direction(StrEnum):
    """Which way is better for a KPI."""

    HIGHER = "higher"
    LOWER = "lower"


class Aggregation(StrEnum):
    """How yearly actuals add up to the value compared with the target."""

    FLOW = "flow"  # yearly counts, summed over the plan years
    STOCK = "stock"  # each year already reports the cumulative total
    LEVEL = "level"  # a level in a given year (users, rates)


class TargetKind(StrEnum):
    LEVEL = "level"  # 150,000人(R6)
    CUMULATIVE = "cumulative"  # 5年間に40件 (flow)
    STOCK = "stock"  # 5年間に50区画 where the yearly value is already the stock
    AT_LEAST = "at_least"  # 21事業以上
    AT_MOST = "at_most"  # 10件以下
    DECREASE = "decrease"  # lower is better, e.g. 刑法犯認知件数
    QUALITATIVE = "qualitative"  # 実施, 全国平均正答率に到達


class ActualState(StrEnum):
    NUMBER = "number"
    PENDING = "pending"  # 統計未公表 / 公表後記入予定: evaluate later
    NOT_OBTAINABLE = "not_obtainable"  # — / 実績値の把握が不可能
    NOT_CARRIED_OUT = "not_carried_out"  # 未実施 / 事業終了
    RECORDED = "recorded"  # a worded result of a qualitative KPI (実施済, 全国平均に到達)


@dataclass(frozen=True)
class Actual:
    """One fiscal year's value; `note` keeps the published wording (e.g. the expected source,
    or a bracketed remark beside a number such as `(実績値)`).

    `observed_year` is the year the figure is of when a table puts an earlier year's figure in
    a later column (`108万人(H31)` in the R2 column): the value stands for `fiscal_year`, but the
    report must be able to say it is older.
    """

    fiscal_year: int
    state: ActualState
    value: float | None = None
    note: str = ""
    observed_year: int | None = None

    def __post_init__(self) -> None:
        if (self.state is ActualState.NUMBER) != (self.value is not None):
            raise ValueError("only a NUMBER actual carries a value")


@dataclass(frozen=True)
class Target:
    """A target as the plan states it; `text` is the published wording (`5年間に40件`)."""

    kind: TargetKind
    value: float | None  # None for qualitative targets
    fiscal_year: int | None  # the year by which it is to be met
    text: str = ""


@dataclass(frozen=True)
class Judgement:
    """A recorded grade for a qualitative KPI, or an override, with the reason for it."""

    grade: str
    reason: str = ""


@dataclass(frozen=True)
class KPI:
    name: str
    unit: str
    direction: Direction
    aggregation: Aggregation
    target: Target
    baseline: float | None = None
    baseline_year: int | None = None
    actuals: tuple[Actual, ...] = ()
    baseline_note: str = ""  # a worded baseline (未着手), or the note beside the figure
    comparison_value: float | None = None  # 実績値(目標値比較), when the sheet gives one
    department: str = ""
    judgement: Judgement | None = None
    notes: tuple[str, ...] = ()  # ※ rows printed under the KPI

    def actual_for(self, fiscal_year: int) -> Actual | None:
        return next((a for a in self.actuals if a.fiscal_year == fiscal_year), None)


@dataclass(frozen=True)
class Role:
    """What one municipality (or 連携市町 as a group) does in a shared project."""

    municipality: str
    role: str


@dataclass(frozen=True)
class Budget:
    """事業費 of one fiscal year in 千円; None while the budget is not yet decided."""

    fiscal_year: int
    thousand_yen: float | None


@dataclass(frozen=True)
class Project:
    """具体的な事業; an empty name holds KPIs that a measure owns directly."""

    name: str
    kpis: tuple[KPI, ...] = ()
    purpose: str = ""
    departments: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    partners: tuple[str, ...] = ()
    budgets: tuple[Budget, ...] = ()


@dataclass(frozen=True)
class Measure:
    """施策 / 主な施策; `direction` is the 基本的方向 it belongs to, when the plan names one."""

    name: str
    projects: tuple[Project, ...] = ()
    direction: str = ""


@dataclass(frozen=True)
class NumericalTarget:
    """A basic goal's 数値目標, compared three ways: IPSS estimate, target, actual."""

    indicator: str
    unit: str
    baseline: float | None = None
    ipss_estimate: float | None = None
    target: float | None = None
    actual: float | None = None
    period: str = ""  # e.g. "R8→R12"
    note: str = ""  # 備考, e.g. 公表後、記入予定


@dataclass(frozen=True)
class BasicGoal:
    name: str
    measures: tuple[Measure, ...] = ()
    numerical_targets: tuple[NumericalTarget, ...] = ()

    @property
    def kpis(self) -> tuple[KPI, ...]:
        return tuple(k for m in self.measures for p in m.projects for k in p.kpis)


@dataclass(frozen=True)
class Strategy:
    """A 総合戦略 of a municipality or a partnership over fiscal years `plan_start..plan_end`."""

    name: str
    plan_start: int
    plan_end: int
    goals: tuple[BasicGoal, ...] = field(default=())
    organisation: str = ""

    def __post_init__(self) -> None:
        if self.plan_end < self.plan_start:
            raise ValueError("plan_end precedes plan_start")

    @property
    def plan_years(self) -> tuple[int, ...]:
        return tuple(range(self.plan_start, self.plan_end + 1))

    @property
    def kpis(self) -> tuple[KPI, ...]:
        return tuple(k for g in self.goals for k in g.kpis)
