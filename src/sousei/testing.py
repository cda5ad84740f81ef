"""Assertions shipped with sousei for users' tests: population tables and strategies.

`assert_strategies_equal` names every KPI field that differs, where a plain `==` on two
strategies says only "not equal": a municipality checking its own read -> write -> read round
trip needs to know which goal, KPI and field changed.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass

import pandas as pd

from sousei.io.population.layout import COLUMNS, canonical
from sousei.strategy import Strategy


def assert_population_frames_equal(
    left: pd.DataFrame, right: pd.DataFrame, rtol: float = 0.0, atol: float = 0.0
) -> None:
    """Two long-layout frames hold the same rows, whatever their row order.

    Labels, ages, spans (including <NA> for open groups) and years must match exactly;
    values within ``rtol``/``atol`` (exact by default, as a file round trip must be).
    """
    for name, frame in (("left", left), ("right", right)):
        missing = [c for c in COLUMNS if c not in frame.columns]
        assert not missing, f"{name} lacks columns {missing}"
    a, b = canonical(left), canonical(right)
    assert len(a) == len(b), f"row counts differ: {len(a)} != {len(b)}"
    pd.testing.assert_frame_equal(
        a.drop(columns="value"), b.drop(columns="value"), check_exact=True
    )
    pd.testing.assert_series_equal(
        a["value"], b["value"], rtol=rtol, atol=atol, check_exact=rtol == atol == 0.0
    )


def _differences(left: object, right: object, path: str) -> list[str]:
    if is_dataclass(left) and is_dataclass(right) and type(left) is type(right):
        found: list[str] = []
        for f in fields(left):
            found += _differences(getattr(left, f.name), getattr(right, f.name), f"{path}.{f.name}")
        return found
    if isinstance(left, tuple) and isinstance(right, tuple):
        if len(left) != len(right):
            return [f"{path}: 件数が異なります ({len(left)} と {len(right)})"]
        found = []
        for i, (a, b) in enumerate(zip(left, right, strict=True)):
            label = getattr(a, "name", None)
            found += _differences(a, b, f"{path}[{i}{f' {label}' if label else ''}]")
        return found
    return [] if left == right else [f"{path}: {left!r} と {right!r}"]


def strategy_differences(left: Strategy, right: Strategy) -> list[str]:
    """Every differing field as `strategy.goals[0 (1) ...].measures[...]...: a と b`."""
    return _differences(left, right, "strategy")


def assert_strategies_equal(left: Strategy, right: Strategy) -> None:
    found = strategy_differences(left, right)
    if found:
        shown = "\n".join(found[:20])
        raise AssertionError(f"総合戦略が一致しません({len(found)}か所):\n{shown}")
