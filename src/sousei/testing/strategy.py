"""`assert_strategies_equal`: compare two strategies and name the first KPI field that differs.

A plain `==` on two strategies says only "not equal"; a municipality checking its own
read -> write -> read round trip needs to know which goal, KPI and field changed.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass

from sousei.strategy import Strategy


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
