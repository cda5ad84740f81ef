"""Target seeking: the policy change that brings the population to a target at a date.

A 人口ビジョン states a target population (久留米市: 295,000 at the end of FY2030) and planners
ask what it takes: how much higher a TFR, how much better the net migration of young people.
Population at a date is monotone in either lever, so the answer is found by bracketing: a grid
of candidate values runs as one batch on the engine's scenario axis, the bracket that crosses
the target is refined the same way, and the last step interpolates linearly inside a bracket
narrow enough for the curve to be straight. No Python loop runs over candidates or ages.

Dates between the 5-year points: the population grows at a constant rate within a period, so
P(d) = P(t0) x (P(t1) / P(t0)) ** f with f the share of the period's days elapsed at d
(geometric interpolation; linear when a total is zero).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

GRID = 17  # candidates per batch: 16 brackets, so each round narrows the interval 16-fold
MAX_ROUNDS = 12


class TargetUnreachableError(ValueError):
    """The target lies outside what the lever can reach within its documented bounds."""


@dataclass(frozen=True)
class Solution:
    """The lever's value that reaches the target, and what the population then is."""

    value: float
    achieved: float
    target: float
    low: float  # population at the lever's lower bound
    high: float  # population at the lever's upper bound
    rounds: int


def interpolate_at_date(
    point_dates: Sequence[dt.date], totals: np.ndarray, date: dt.date
) -> np.ndarray:
    """Totals at ``date`` from totals at the 5-year points; ``totals`` is (..., point).

    Geometric between the two points around the date; a date outside the points is refused
    rather than extrapolated.
    """
    dates = list(point_dates)
    if not dates[0] <= date <= dates[-1]:
        raise ValueError(
            f"目標の日付 {date.isoformat()} は推計期間 {dates[0].isoformat()}～"
            f"{dates[-1].isoformat()} の中にしてください"
        )
    totals = np.asarray(totals, dtype=float)
    later = next(i for i, d in enumerate(dates) if d >= date)
    if dates[later] == date:
        return totals[..., later]
    start, end = totals[..., later - 1], totals[..., later]
    share = (date - dates[later - 1]).days / (dates[later] - dates[later - 1]).days
    ratio = np.divide(end, start, out=np.ones_like(end), where=start > 0)
    geometric = start * ratio**share
    linear = start + share * (end - start)
    return np.where((start > 0) & (end > 0), geometric, linear)


def solve_monotone(
    evaluate: Callable[[np.ndarray], np.ndarray],
    target: float,
    low: float,
    high: float,
    tolerance: float = 0.5,
) -> Solution:
    """The value in [low, high] where the non-decreasing ``evaluate`` meets ``target``.

    ``evaluate`` takes a vector of candidate values and returns the population for each (one
    engine batch). Stops when the population at the answer is within ``tolerance`` persons.
    """
    grid = np.linspace(low, high, GRID)
    values = np.asarray(evaluate(grid), dtype=float)
    at_low, at_high = float(values[0]), float(values[-1])
    if not at_low - tolerance <= target <= at_high + tolerance:
        raise TargetUnreachableError(
            f"目標人口 {target:,.0f}人は、変えられる範囲 ({low:+g}～{high:+g}) で届く "
            f"{at_low:,.0f}～{at_high:,.0f}人の外にあります"
        )
    for rounds in range(1, MAX_ROUNDS + 1):
        above = int(np.clip(np.searchsorted(values, target), 1, GRID - 1))
        lo, hi = grid[above - 1], grid[above]
        v_lo, v_hi = values[above - 1], values[above]
        guess = lo if v_hi == v_lo else lo + (target - v_lo) * (hi - lo) / (v_hi - v_lo)
        guess = float(np.clip(guess, lo, hi))
        achieved = float(np.asarray(evaluate(np.array([guess])), dtype=float)[0])
        if abs(achieved - target) <= tolerance:
            return Solution(guess, achieved, target, at_low, at_high, rounds)
        grid = np.linspace(lo, hi, GRID)
        values = np.maximum.accumulate(np.asarray(evaluate(grid), dtype=float))
    raise TargetUnreachableError(
        f"目標人口 {target:,.0f}人に {tolerance}人以内で合う値が見つかりませんでした"
    )
