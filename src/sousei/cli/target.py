"""`sousei project --target`: the change that reaches a target population, printed and added
to the run as the scenario 「目標人口達成」, so its table, file and report show it like any other."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rich.console import Console

from sousei.io.scenario import age_range
from sousei.vision.run import ProjectionRequest
from sousei.vision.target_seeking import LEVERS, Runner, TargetRequest, seek_target

TARGET_HELP = "目標人口 (人)。--target-date の時点でこの人口になる変化を求め、シナリオに加えます"
DATE_HELP = "目標の時点 (例 2031-03-31 = 2030年度末)。5年ごとの推計の間は一定の増減率で補間"
SOLVE_HELP = ("求める変化: tfr 合計特殊出生率 / migration 純移動率 (--solve-ages の年齢) / "
              "mix 両方を --mix の比で")
AGES_HELP = "純移動率を変える年齢 (期首の年齢、既定 10-29)"
MIX_HELP = "mix の比: 出生率のポイント:純移動率のポイント(5年間あたり) (既定 0.1:0.5)"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--target-date は 2031-03-31 の形で指定してください (値: {text})") from None


def _mix(text: str) -> tuple[float, float]:
    try:
        tfr, migration = (float(part) for part in text.split(":"))
    except ValueError:
        raise ValueError(f"--mix は 0.1:0.5 の形で指定してください (値: {text})") from None
    return tfr, migration


def with_target(console: Console, request: ProjectionRequest, run: Runner, population: float,
                date: str | None, lever: str, ages: str, mix: str) -> ProjectionRequest:
    """Solve for the lever, print the answer, and return the request with the solved scenario."""
    if date is None:
        raise ValueError("--target には --target-date (例 2031-03-31) も指定してください")
    if lever not in LEVERS:
        raise ValueError(f"--solve は {' / '.join(LEVERS)} のいずれかです (値: {lever})")
    target = TargetRequest(population, _date(date), lever, age_range(ages), mix=_mix(mix))
    result = seek_target(request, target, run)
    console.print(f"[bold]目標人口の達成に必要な変化[/] ({LEVERS[lever]}): {result.scenario.description}")
    console.print(
        f"  基準推計では {result.without:,.0f}人、この変化で {result.solution.achieved:,.0f}人 "
        f"(目標 {population:,.0f}人)")
    return replace(request, scenarios=(*request.scenarios, result.scenario))
