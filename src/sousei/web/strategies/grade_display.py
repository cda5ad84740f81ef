"""How a grade looks on a page: a tone per grade symbol and the segments of a goal's grade bar.

The tone follows the grade's rank in the scheme, never the symbol itself, so a municipality's
own scheme (◎○△× or A–D) is coloured as consistently as the standard ○△×. Colour is never the
only carrier: badges and bar segments always print the symbol and the count too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

PENDING = "評価待ち"


def grade_tone(symbol: str | None, symbols: Sequence[str]) -> str:
    """`good`, `mid`, `bad` or `none` for a symbol of a scheme whose last symbol is the failure
    grade (実績値の把握不可・事業未実施, ×/E): the better half of the levels is `good`, the rest
    `mid`, the failure grade `bad`; unknown symbols and pending KPIs are `none`."""
    if not symbol or symbol not in symbols:
        return "none"
    levels = len(symbols) - 1
    index = list(symbols).index(symbol)
    if index >= levels:
        return "bad"
    return "good" if index < max(1, levels // 2) else "mid"


def grade_segments(summary: Mapping[str, object], symbols: Sequence[str]) -> list[dict[str, object]]:
    """One segment per grade with KPIs (and one for pending KPIs), width in % of all KPIs of the
    goal, so the bar always spans the goal's KPI count."""
    grades: Mapping[str, int] = summary["grades"]  # type: ignore[assignment]
    pending = int(summary.get("pending", 0) or 0)
    counts = [(s, int(grades.get(s, 0))) for s in symbols] + [(PENDING, pending)]
    total = sum(n for _, n in counts)
    if total == 0:
        return []
    return [{"symbol": s, "count": n, "percent": round(100 * n / total, 3),
             "tone": grade_tone(s, symbols)} for s, n in counts if n]
