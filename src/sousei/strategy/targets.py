"""Reading a target from the words a plan prints (`5年間に40件`, `150,000人(R6)`, `21事業以上`).

When a sheet has no explicit direction or aggregation column, both are inferred from the target
text and the baseline; every inference is returned in words so the user can correct it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sousei.japanese import EraError, NumberError, parse_fiscal_year, parse_number
from sousei.strategy.model import Aggregation, Direction, Target, TargetKind

_YEAR_SUFFIX = re.compile(r"\(\s*([^()]+?)\s*(?:年度)?(?:末)?(?:まで)?\s*\)$")
_PERIOD_PREFIX = re.compile(r"^(?:(\d+)\s*年間(?:に|で)?|累計)\s*")
_BOUND_SUFFIX = re.compile(r"(以上|以下|未満)$")


@dataclass(frozen=True)
class TargetReading:
    target: Target
    unit: str
    direction: Direction
    aggregation: Aggregation
    inferred: tuple[str, ...]  # what was guessed, in Japanese, for the import report


def _split_year(text: str) -> tuple[str, int | None]:
    match = _YEAR_SUFFIX.search(text)
    if not match:
        return text, None
    try:
        return text[: match.start()].strip(), parse_fiscal_year(match.group(1))
    except EraError:
        return text, None


def _kind(
    period: bool,
    bound: str,
    direction: Direction,
    aggregation: Aggregation | None,
    inferred: list[str],
) -> tuple[TargetKind, Aggregation]:
    """Kind of a numeric target from its wording; the aggregation is inferred when missing."""
    if period:
        if aggregation is None:
            aggregation = Aggregation.FLOW
            inferred.append(
                "期間の目標のため、各年度の実績値を合計するフローと推定しました"
                "(毎年累計値を報告する場合は集計を「ストック」にしてください)"
            )
        stock = aggregation is Aggregation.STOCK
        return (TargetKind.STOCK if stock else TargetKind.CUMULATIVE), aggregation
    if aggregation is None:
        aggregation = Aggregation.LEVEL
        inferred.append("目標年度の水準(レベル)と推定しました")
    if bound:
        return (TargetKind.AT_LEAST if bound == "以上" else TargetKind.AT_MOST), aggregation
    if direction is Direction.LOWER:
        return TargetKind.DECREASE, aggregation
    return TargetKind.LEVEL, aggregation


def read_target(
    text: str,
    default_year: int,
    baseline: float | None = None,
    direction: Direction | None = None,
    aggregation: Aggregation | None = None,
) -> TargetReading:
    """Kind, value, year and unit of a target; direction/aggregation inferred when not given."""
    original = str(text).strip()
    norm = unicodedata.normalize("NFKC", original).strip()
    body, year = _split_year(norm)
    period = _PERIOD_PREFIX.match(body)
    body = body[period.end() :] if period else body
    bound = _BOUND_SUFFIX.search(body)
    body = body[: bound.start()].strip() if bound else body
    inferred: list[str] = []
    try:
        number = parse_number(body)
    except NumberError:
        kind = TargetKind.QUALITATIVE
        target = Target(kind, None, year or default_year, original)
        silent = direction is None or aggregation is None
        note = ("定性目標として扱いました(判定を総合評価の列に記録してください)",) if silent else ()
        return TargetReading(
            target, "", direction or Direction.HIGHER, aggregation or Aggregation.LEVEL, note
        )
    if direction is None:
        lower = (bound and bound.group(1) in ("以下", "未満")) or (
            not period and not bound and baseline is not None and number.value < baseline
        )
        direction = Direction.LOWER if lower else Direction.HIGHER
        word = "低い方が良い" if lower else "高い方が良い"
        inferred.append(f"方向を「{word}」と推定しました")
    kind, aggregation = _kind(bool(period), bound.group(1) if bound else "", direction,
                              aggregation, inferred)
    target = Target(kind, number.value, year or default_year, original)
    return TargetReading(target, number.unit, direction, aggregation, tuple(inferred))


def target_wording(target: Target, unit: str, plan_start: int) -> str:
    """The published wording of a target, or one written from its kind and value when it has
    none (a target entered as a bare number), so that `read_target` reads the same target."""
    if target.text:
        return target.text
    if target.value is None:
        return "目標未記入"
    value = float(target.value)
    number = f"{value:,.10f}".rstrip("0").rstrip(".") if not value.is_integer() else f"{int(value):,}"
    number = number.replace("-", "△")
    if target.kind in (TargetKind.CUMULATIVE, TargetKind.STOCK) and target.fiscal_year:
        return f"{target.fiscal_year - plan_start + 1}年間に{number}{unit}"
    suffix = {TargetKind.AT_LEAST: "以上", TargetKind.AT_MOST: "以下"}.get(target.kind, "")
    return f"{number}{unit}{suffix}"
