"""Logic model: impact <- outcome <- output indicators, and the measures behind each output.

Links point from the lower level to the higher (an output contributes to an outcome), mirroring
the national strategy's chart; `check` lists every broken link rather than stopping at one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Level(IntEnum):
    OUTPUT = 1  # アウトプット
    OUTCOME = 2  # アウトカム
    IMPACT = 3  # インパクト


LEVEL_LABELS = {
    Level.OUTPUT: "アウトプット",
    Level.OUTCOME: "アウトカム",
    Level.IMPACT: "インパクト",
}


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    level: Level
    unit: str = ""


@dataclass(frozen=True)
class LogicModel:
    indicators: tuple[Indicator, ...]
    links: tuple[tuple[str, str], ...] = ()  # (lower code, higher code)
    measure_links: tuple[tuple[str, str], ...] = field(default=())  # (measure name, output code)

    def _by_code(self) -> dict[str, Indicator]:
        return {ind.code: ind for ind in self.indicators}

    def check(self) -> list[str]:
        """Problems in Japanese: unknown codes, links that do not climb one level or more."""
        by_code = self._by_code()
        problems = []
        if len(by_code) != len(self.indicators):
            problems.append("指標コードが重複しています")
        for low, high in self.links:
            missing = [c for c in (low, high) if c not in by_code]
            if missing:
                problems.append(f"不明な指標コード: {'、'.join(missing)}")
            elif by_code[low].level >= by_code[high].level:
                lo, hi = LEVEL_LABELS[by_code[low].level], LEVEL_LABELS[by_code[high].level]
                problems.append(f"{low}({lo}) → {high}({hi}): 上位の段階へのつながりではありません")
        for measure, code in self.measure_links:
            ind = by_code.get(code)
            if ind is None:
                problems.append(f"施策「{measure}」の指標コード{code}がありません")
            elif ind.level is not Level.OUTPUT:
                problems.append(f"施策「{measure}」はアウトプット指標につなげてください({code})")
        return problems

    def contributes_to(self, code: str) -> tuple[Indicator, ...]:
        """Every indicator reachable upwards from `code`, nearest first."""
        by_code, seen, order, frontier = self._by_code(), {code}, [], [code]
        while frontier:
            nxt = []
            for current in frontier:
                for low, high in self.links:
                    if low == current and high not in seen:
                        seen.add(high)
                        order.append(by_code[high])
                        nxt.append(high)
            frontier = nxt
        return tuple(order)

    def measures_for(self, code: str) -> tuple[str, ...]:
        """Measures behind an indicator, through every output that contributes to it."""
        outputs = {
            ind.code
            for ind in self.indicators
            if ind.level is Level.OUTPUT
            and (ind.code == code or any(up.code == code for up in self.contributes_to(ind.code)))
        }
        return tuple(dict.fromkeys(m for m, c in self.measure_links if c in outputs))

    def unlinked(self) -> tuple[Indicator, ...]:
        """Indicators below the impact level that contribute to nothing above them."""
        lows = {low for low, _ in self.links}
        return tuple(
            i for i in self.indicators if i.level is not Level.IMPACT and i.code not in lows
        )
