"""Time reading, grading and writing a large 事業一覧 workbook (figures for docs/performance.md).

A prefecture-sized strategy: 4 basic goals x 5 measures x 5 projects x 10 KPIs = 1,000 KPIs over
a 5-year plan with 3 years of actuals, every kind of target and every state of an actual.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sousei.io.strategy.progress import read_progress_workbook, write_progress_workbook
from sousei.strategy import (
    KPI,
    Actual,
    ActualState,
    BasicGoal,
    Direction,
    Measure,
    Project,
    Strategy,
    evaluate_strategy,
    get_scheme,
    read_target,
)
from sousei.testing import strategy_differences

TARGETS = ["5年間に40件", "150,000人(R9)", "21事業以上", "200件以下", "60件", "実施"]
STATES = [ActualState.PENDING, ActualState.NOT_OBTAINABLE, ActualState.NOT_CARRIED_OUT]


def _kpi(i: int) -> KPI:
    reading = read_target(TARGETS[i % len(TARGETS)], 2029, baseline=100.0)
    actuals = tuple(
        Actual(2025 + y, ActualState.NUMBER, float(10 + (i * 7 + y * 3) % 90))
        if (i + y) % 11 else Actual(2025 + y, STATES[(i + y) % 3])
        for y in range(3)
    )
    if reading.target.value is None:
        actuals = tuple(Actual(a.fiscal_year, ActualState.RECORDED, note="実施済") for a in actuals)
    numeric = reading.target.value is not None
    return KPI(f"指標{i}", reading.unit, reading.direction or Direction.HIGHER,
               reading.aggregation, reading.target, baseline=100.0 if numeric else None,
               baseline_year=2023 if numeric else None, actuals=actuals,
               department=f"課{i % 12}")


def build() -> Strategy:
    n = iter(range(10**6))
    goals = tuple(
        BasicGoal(f"基本目標{g}", tuple(
            Measure(f"施策{g}-{m}", tuple(
                Project(f"事業{g}-{m}-{p}", tuple(_kpi(next(n)) for _ in range(10)))
                for p in range(5)))
            for m in range(5)))
        for g in range(4)
    )
    return Strategy("ベンチマーク県総合戦略", 2025, 2029, goals)


def main() -> None:
    strategy = build()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.xlsx"
        t0 = time.perf_counter()
        write_progress_workbook(strategy, path)
        t1 = time.perf_counter()
        read = read_progress_workbook(path).strategy
        t2 = time.perf_counter()
        result = evaluate_strategy(read, get_scheme("standard"))
        t3 = time.perf_counter()
        write_progress_workbook(read, Path(tmp) / "evaluated.xlsx", result)
        t4 = time.perf_counter()
    assert not strategy_differences(read, strategy), strategy_differences(read, strategy)[:3]
    print(f"KPIs: {len(strategy.kpis)}")
    print(f"write {t1 - t0:.2f}s | read {t2 - t1:.2f}s | evaluate {t3 - t2:.3f}s | "
          f"write evaluated {t4 - t3:.2f}s")


if __name__ == "__main__":
    main()
