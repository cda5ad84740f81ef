"""Grading schemes as data: thresholds on the achievement rate, plus the grade for failures.

Municipalities grade with ○/△/×, A-E or S/A/B/C and their own thresholds, so a scheme is a
value (buildable from a dict read from settings), never a branch in the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class GradeLevel:
    """A grade given when the rate (per cent) is at least `min_rate`; None catches the rest."""

    symbol: str
    label: str
    min_rate: float | None


@dataclass(frozen=True)
class GradingScheme:
    name: str
    levels: tuple[GradeLevel, ...]  # best first; the last one has min_rate None (the rest)
    failed: GradeLevel  # actual not obtainable or project not carried out
    pending_symbol: str = "N"
    pending_label: str = "評価待ち"
    rate_method: str = "ratio"  # "ratio" (actual / target) or "progress" (from the baseline)
    prorate: bool = False  # judge cumulative and level targets against an interim target
    failed_in_denominator: bool = True
    pending_in_denominator: bool = False
    title: str = ""  # the scheme as a reader of the report calls it (Japanese)

    @property
    def display_name(self) -> str:
        """What reports print: the title, else the grades themselves (「○・△・×」), never the
        key typed on the command line (``standard``)."""
        if self.title:
            return self.title
        return "・".join(self.symbols) + "の評価"

    def __post_init__(self) -> None:
        if self.rate_method not in ("ratio", "progress"):
            raise ValueError(f"不明な達成率の算定方法です: {self.rate_method}")
        rates = [lv.min_rate for lv in self.levels if lv.min_rate is not None]
        if rates != sorted(rates, reverse=True):
            raise ValueError("評価区分のしきい値は高い順に並べてください")
        if not self.levels or self.levels[-1].min_rate is not None:
            raise ValueError("最後の評価区分はしきい値なし(それ未満すべて)にしてください")
        if len(set(self.symbols)) != len(self.symbols):
            raise ValueError("評価区分の記号が重複しています")

    @property
    def symbols(self) -> tuple[str, ...]:
        """Every grade this scheme can give, best first, the failure grade last."""
        return (*(lv.symbol for lv in self.levels), self.failed.symbol)

    def level_for(self, rate: float) -> GradeLevel:
        """The first level whose threshold the rate reaches (the last level takes the rest)."""
        for level in self.levels:
            if level.min_rate is None or rate >= level.min_rate:
                return level
        return self.levels[-1]

    def describe(self, level: GradeLevel) -> str:
        """`○ 概ね目標達成 (達成率80%以上)`: the rule in words, carried by every grade."""
        if level.min_rate is None:
            return f"{level.symbol} {level.label}"
        return f"{level.symbol} {level.label} (達成率{level.min_rate:g}%以上)"


STANDARD = GradingScheme(
    name="standard",
    levels=(GradeLevel("○", "概ね目標達成", 80.0), GradeLevel("△", "目標未達成", None)),
    failed=GradeLevel("×", "その他(実績値の把握不可・事業未実施)", None),
    title="○△×の3段階(達成率80%以上で○)",
)
FIVE_LEVEL = GradingScheme(
    name="a-e",
    levels=(
        GradeLevel("A", "目標達成", 100.0),
        GradeLevel("B", "概ね達成", 80.0),
        GradeLevel("C", "やや遅れ", 50.0),
        GradeLevel("D", "遅れ", None),
    ),
    failed=GradeLevel("E", "評価不能・未実施", None),
    title="A～Eの5段階",
)
S_TO_C = GradingScheme(
    name="sabc",
    levels=(
        GradeLevel("S", "目標を大きく上回る", 120.0),
        GradeLevel("A", "目標達成", 100.0),
        GradeLevel("B", "概ね達成", 70.0),
        GradeLevel("C", "未達成", None),
    ),
    failed=GradeLevel("×", "実績なし・未実施", None),
    title="S・A・B・C・×の5段階",
)
STANDARD_PRORATED = GradingScheme(
    name="standard-prorated",
    levels=STANDARD.levels,
    failed=STANDARD.failed,
    prorate=True,
    title="○△×の3段階(計画途中は経過年数で按分した目標と比較)",
)

SCHEMES: dict[str, GradingScheme] = {
    s.name: s for s in (STANDARD, FIVE_LEVEL, S_TO_C, STANDARD_PRORATED)
}


def get_scheme(name: str) -> GradingScheme:
    try:
        return SCHEMES[name]
    except KeyError:
        known = "、".join(SCHEMES)
        raise ValueError(f"評価方式「{name}」はありません (選べるもの: {known})") from None


def scheme_from_mapping(data: Mapping[str, Any]) -> GradingScheme:
    """A scheme from settings, e.g. JSON `{"name": ..., "levels": [{"symbol", "label",
    "min_rate"}], "failed": {"symbol", "label"}, ...}`."""
    levels = tuple(
        GradeLevel(lv["symbol"], lv.get("label", ""), lv.get("min_rate")) for lv in data["levels"]
    )
    failed = GradeLevel(data["failed"]["symbol"], data["failed"].get("label", ""), None)
    options = {
        key: data[key]
        for key in (
            "pending_symbol",
            "pending_label",
            "rate_method",
            "prorate",
            "failed_in_denominator",
            "pending_in_denominator",
            "title",
        )
        if key in data
    }
    return GradingScheme(name=data["name"], levels=levels, failed=failed, **options)
