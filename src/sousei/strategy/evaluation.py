"""Achievement rates and grades of KPIs, each carrying the rule that produced it.

The value compared with the target depends on the kind of target (domain.md, "Kinds of
target"); the rate is actual / target (target / actual when lower is better) or the progress
from the baseline, and the scheme turns the rate into a grade.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sousei.japanese import format_fiscal_year, format_number
from sousei.strategy.grading import GradingScheme
from sousei.strategy.model import KPI, Actual, ActualState, Direction, TargetKind


class Status(StrEnum):
    GRADED = "graded"  # a rate and the grade it reaches
    JUDGED = "judged"  # a recorded judgement (qualitative KPIs)
    FAILED = "failed"  # not obtainable / not carried out
    PENDING = "pending"  # to be evaluated later (not yet published, nothing entered, no rule)


@dataclass(frozen=True)
class Evaluation:
    kpi: KPI
    status: Status
    grade: str | None  # None while pending
    rate: float | None = None  # achievement rate in per cent
    compared_value: float | None = None
    target_value: float | None = None  # after prorating, when the scheme prorates
    rule: str = ""  # how the grade came about, in Japanese, shown beside the grade


@dataclass(frozen=True)
class _Compared:
    value: float | None
    state: ActualState
    how: str
    note: str = ""


def _entries(kpi: KPI, as_of: int) -> list[Actual]:
    return sorted((a for a in kpi.actuals if a.fiscal_year <= as_of), key=lambda a: a.fiscal_year)


def _latest(kpi: KPI, as_of: int) -> _Compared | None:
    entries = _entries(kpi, as_of)
    if not entries:
        return None
    last = entries[-1]
    how = f"{format_fiscal_year(last.fiscal_year)}の実績値"
    if last.observed_year is not None:
        how += f"({format_fiscal_year(last.observed_year)}の値)"
    return _Compared(last.value, last.state, how, last.note)


def _cumulative(kpi: KPI, as_of: int, plan_start: int) -> _Compared | None:
    entries = [a for a in _entries(kpi, as_of) if a.fiscal_year >= plan_start]
    if not entries:
        return None
    if entries[-1].state is ActualState.PENDING:
        return _Compared(None, ActualState.PENDING, "最新年度が未公表", entries[-1].note)
    numbers = [a for a in entries if a.state is ActualState.NUMBER]
    if not numbers:
        last = entries[-1]
        return _Compared(None, last.state, "累計できる実績値がない", last.note)
    total = sum(a.value for a in numbers if a.value is not None)
    first, last = numbers[0].fiscal_year, numbers[-1].fiscal_year
    span = f"{format_fiscal_year(first)}～{format_fiscal_year(last)}"
    return _Compared(total, ActualState.NUMBER, f"{span}の実績値の合計")


def compared_value(kpi: KPI, as_of: int, plan_start: int) -> _Compared | None:
    """The value the target is judged against, or None when nothing has been entered."""
    if kpi.comparison_value is not None:
        return _Compared(kpi.comparison_value, ActualState.NUMBER, "実績値(目標値比較)")
    kind = kpi.target.kind
    if kind is TargetKind.CUMULATIVE:
        return _cumulative(kpi, as_of, plan_start)
    target_year = kpi.target.fiscal_year
    if kind is TargetKind.LEVEL and target_year is not None and target_year <= as_of:
        hit = kpi.actual_for(target_year)
        if hit is not None:
            how = f"目標年度({format_fiscal_year(target_year)})の実績値"
            return _Compared(hit.value, hit.state, how, hit.note)
    return _latest(kpi, as_of)


def interim_target(kpi: KPI, as_of: int, plan_start: int) -> tuple[float, str] | None:
    """A prorated target for mid-plan years: the share of the plan's years elapsed."""
    target = kpi.target
    if target.value is None or target.fiscal_year is None or as_of >= target.fiscal_year:
        return None
    elapsed = as_of - plan_start + 1
    years = target.fiscal_year - plan_start + 1
    if elapsed <= 0 or years <= 0:
        return None
    if target.kind in (TargetKind.CUMULATIVE, TargetKind.STOCK):
        return target.value * elapsed / years, f"按分目標({elapsed}/{years}年)"
    if target.kind is TargetKind.LEVEL and kpi.baseline is not None:
        value = kpi.baseline + (target.value - kpi.baseline) * elapsed / years
        return value, f"基準値からの按分目標({elapsed}/{years}年)"
    return None


def _clean(rate: float) -> float:
    """Drop binary noise (57.49999999999999 -> 57.5) so that thresholds and half-up rounding
    see the rate a person computes by hand."""
    return round(rate, 9)


def achievement_rate(
    kpi: KPI, value: float, target: float, method: str = "ratio"
) -> tuple[float | None, str]:
    """Rate in per cent and its formula; the ratio falls back to progress when it is undefined.

    A ratio is meaningless for a zero or negative target (純移動数 △414) or, lower being better,
    for a zero actual; progress from the baseline is used there, and no rate without a baseline.
    """
    lower = kpi.direction is Direction.LOWER or kpi.target.kind in (
        TargetKind.AT_MOST,
        TargetKind.DECREASE,
    )
    if method == "ratio" and target > 0 and (not lower or value > 0):
        if lower:
            return _clean(target * 100 / value), "達成率 = 目標値 ÷ 実績値"
        return _clean(value * 100 / target), "達成率 = 実績値 ÷ 目標値"
    if lower and method == "ratio" and value <= 0 <= target:
        return 100.0, "実績値が0以下のため目標達成とみなす"
    if kpi.baseline is None or kpi.baseline == target:
        return None, "基準値がないため進捗率を算定できません"
    rate = _clean((value - kpi.baseline) * 100 / (target - kpi.baseline))
    return rate, "進捗率 = (実績値 - 基準値) ÷ (目標値 - 基準値)"


def evaluate_kpi(kpi: KPI, scheme: GradingScheme, as_of: int, plan_start: int) -> Evaluation:
    """Grade one KPI as of fiscal year `as_of` under `scheme`."""
    if kpi.judgement is not None:
        if kpi.judgement.grade not in scheme.symbols:
            raise ValueError(
                f"KPI「{kpi.name}」の評価「{kpi.judgement.grade}」は評価方式{scheme.name}にありません"
                f"(使える記号: {'、'.join(scheme.symbols)})"
            )
        failed = kpi.judgement.grade == scheme.failed.symbol
        status = Status.FAILED if failed else Status.JUDGED
        rule = f"記録された判定: {kpi.judgement.reason}".rstrip(": ")
        return Evaluation(kpi, status, kpi.judgement.grade, rule=rule)
    found = compared_value(kpi, as_of, plan_start)
    if found is None:
        return Evaluation(kpi, Status.PENDING, None, rule="実績値が未入力")
    if found.state in (ActualState.NOT_OBTAINABLE, ActualState.NOT_CARRIED_OUT):
        unobtainable = found.state is ActualState.NOT_OBTAINABLE
        reason = "実績値の把握が不可能" if unobtainable else "事業未実施"
        return Evaluation(kpi, Status.FAILED, scheme.failed.symbol, rule=f"{found.how}: {reason}")
    if found.state is ActualState.RECORDED and kpi.target.kind is not TargetKind.QUALITATIVE:
        return Evaluation(kpi, Status.PENDING, None, rule=f"{found.how}が数値ではありません")
    if found.state is ActualState.PENDING:
        note = found.note or "統計未公表"
        return Evaluation(kpi, Status.PENDING, None, rule=f"{found.how}: {note}")
    if kpi.target.kind is TargetKind.QUALITATIVE or kpi.target.value is None:
        return Evaluation(
            kpi, Status.PENDING, None, compared_value=found.value, rule="定性目標の判定が未記録"
        )
    assert found.value is not None
    target, target_how = kpi.target.value, "目標値"
    if scheme.prorate:
        interim = interim_target(kpi, as_of, plan_start)
        if interim is not None:
            target, target_how = interim
    rate, formula = achievement_rate(kpi, found.value, target, scheme.rate_method)
    basis = f"{found.how} {format_number(found.value, 2).rstrip('0').rstrip('.')} / {target_how}"
    if rate is None:
        rule = f"{basis}: {formula}"
        return Evaluation(kpi, Status.PENDING, None, None, found.value, target, rule)
    level = scheme.level_for(rate)
    rule = f"{basis}; {formula} = {rate:.1f}% → {scheme.describe(level)}"
    return Evaluation(kpi, Status.GRADED, level.symbol, rate, found.value, target, rule)
