"""A scenario's assumptions in words, from the scenario itself (not from its free description),
so what the 将来展望 section says always matches what was projected."""

from __future__ import annotations

from sousei.demography.ages import AGE_STEP as PERIOD_YEARS  # the projection step, in years
from sousei.demography.scenarios import Scenario
from sousei.japanese import format_number, format_percent, format_year_prose

SEX_WORDS = {"both": "男女", "M": "男性", "F": "女性"}


def _tfr_words(scenario: Scenario, base_tfr: float) -> list[str]:
    if scenario.tfr is None:
        return [f"合計特殊出生率は基準({format_number(base_tfr, 2)})のまま"]
    points = []
    for year, value in scenario.tfr.points:
        if scenario.tfr.relative:
            verb = "引き上げ" if value >= 0 else "引き下げ"
            points.append(
                f"{format_year_prose(year)}までに{format_number(abs(value), 2)}ポイント{verb}"
                f"({format_number(base_tfr + value, 2)})"
            )
        else:
            points.append(f"{format_year_prose(year)}に{format_number(value, 2)}")
    return ["合計特殊出生率を" + "、".join(points)]


def _migration_words(scenario: Scenario) -> list[str]:
    words = []
    if scenario.migration_variant == "zero":
        words.append("純移動率をゼロ(転入と転出が均衡)とする")
    elif scenario.migration_variant == "converging":
        words.append(
            f"純移動率が{format_year_prose(scenario.convergence_year)}までに"
            f"{format_percent(scenario.convergence_fraction * 100, 0)}に縮小する"
        )
    for delta in scenario.migration:
        points = delta.delta * 100
        verb = "改善" if points >= 0 else "悪化"
        since = f"({format_year_prose(delta.start_year)}以降)" if delta.start_year else ""
        words.append(
            f"{delta.age_from}～{delta.age_to}歳({SEX_WORDS[delta.sex]})の純移動率を"
            f"5年間あたり{format_number(abs(points), 2)}ポイント"
            f"(1年あたり{format_number(abs(points) / PERIOD_YEARS, 2)}ポイント){verb}{since}"
        )
    if scenario.foreign_share is not None:
        year, share = scenario.foreign_share
        words.append(f"外国人の割合が{format_year_prose(year)}に{format_percent(share * 100)}")
    return words


def scenario_words(scenario: Scenario, base_tfr: float) -> str:
    """E.g. 合計特殊出生率を令和42(2060)年までに0.10ポイント引き上げ(1.58)、10～29歳(男女)の
    純移動率を5年間あたり2.50ポイント(1年あたり0.50ポイント)改善。"""
    return "、".join(_tfr_words(scenario, base_tfr) + _migration_words(scenario)) + "。"
