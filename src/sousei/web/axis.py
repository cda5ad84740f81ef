"""Round y-axis values for the server-rendered SVG charts (KPI trend, population bars)."""

from __future__ import annotations

import math


def ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round values (1, 2 or 5 times a power of ten apart) covering low..high, for the y axis:
    a chart reads alone only with values on its axis, the table beside it has the exact ones."""
    span = (high - low) or abs(high) or 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    values = []
    value = math.floor(low / step) * step
    while value <= high + step * 1e-9:
        if value >= low - step * 1e-9:
            values.append(round(value, 10))
        value += step
    return values
