"""Recent net migration from two 住基 age tables five years apart, alone or blended.

The census rates behind every projection describe 2010-2015; a plan written after 2020 (the
seed plans of 2025) wants the trend since then. Two 住基 tables five years apart give it by the
census residual method: M(a) = (P(a+5, t+5) - P(a, t) x S(a)) / P(a, t), with the survival
S(a) of the engine's national life tables for the period that starts at the earlier table (the
latest death rates known at the base date; see :func:`sousei.vision.mortality.period_survival`).
The newborn cohort (0-4 at the end) keeps the child-woman ratio, as in the census method.

``--migration`` chooses: ``census`` (the census rates, default), ``juki`` (these rates) or
``blend`` (BLEND_WEIGHT x juki + (1 - BLEND_WEIGHT) x census, half and half: the recent trend
counts, the longer census period damps one exceptional year such as 2020). Areas without an
earlier row keep the census rates, and the user is told.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from sousei.demography.ages import AGE_STEP
from sousei.demography.assumptions import Assumptions
from sousei.demography.population import Population
from sousei.demography.rates import net_migration_rate
from sousei.io.errors import InputError
from sousei.io.population.convert import frame_to_population
from sousei.io.population.juki_soumu import JukiAgeTable, read_juki_ages
from sousei.vision.juki_base import JukiBase, _years, grid_frame, resolve
from sousei.vision.mortality import period_survival

MODES = ("census", "juki", "blend")
BLEND_WEIGHT = 0.5
_KIND = {"japanese": "08nsnen", "total": "04ssnen"}


def find_history(base: JukiBase, given: Path | None, first: Path) -> JukiAgeTable:
    """The table of the same nationality five years before the base: ``given``, or the one
    named as published beside the base file (YY08nsnen / YY04ssnen)."""
    main = base.main
    if given is None:
        year = main.reference_date.year - AGE_STEP
        kind = _KIND[main.nationality]
        folder = resolve(first, []).parent
        found = [p for p in folder.iterdir() if p.name.startswith(f"{year % 100:02d}{kind}")]
        if not found:
            raise InputError(f"{year}年の{'日本人住民' if kind[2] == 'n' else '総計'}の表 "
                             f"({year % 100:02d}{kind}) が見つかりません: --migration-history で"
                             "指定してください", main.file)
        given = found[0]
    table = read_juki_ages(resolve(given, base.notes))
    span = _years(table.reference_date, main.reference_date)
    if table.nationality != main.nationality or abs(span - AGE_STEP) > 0.3:
        raise InputError(f"純移動率には基準日 {main.reference_date} の5年前の同じ国籍区分の表が"
                         f"必要です ({table.reference_date}, {table.nationality})", table.file)
    return table


def juki_rates(base: JukiBase, history: JukiAgeTable, main: Population) -> np.ndarray:
    """Net migration rates (region, sex, age) for ``main``'s regions; NaN where the earlier
    table has no row for the area."""
    before = frame_to_population(grid_frame(history, base.notes),
                                 history.reference_date.year, history.nationality)
    survival, _ = period_survival(history.reference_date.year)
    index = {code: i for i, code in enumerate(before.regions)}
    start = np.full(main.values.shape, np.nan)
    for i, code in enumerate(main.regions):
        if code in index:
            start[i] = before.values[index[code]]
    rates = net_migration_rate(np.nan_to_num(start), main.values, survival)
    rates[np.isnan(start).any(axis=(1, 2))] = np.nan
    missing = int(np.isnan(rates).any(axis=(1, 2)).sum())
    base.notes.append(
        f"純移動率 (住基): {history.file} ({history.reference_date}) から {main.nationality} の"
        f" {base.main.reference_date} までのコーホートの変化から、{history.reference_date.year}年"
        "からの生命表 (全国) の生残率で死亡を除いて推定"
        + (f"; 以前の行がない {missing} 地域は国勢調査の率" if missing else ""))
    return rates


def apply(assumptions: Assumptions, rates: np.ndarray | None, mode: str) -> Assumptions:
    """The assumptions with net migration from the census, the 住基 or a blend of the two."""
    if mode not in MODES:
        raise InputError(f"--migration は {' / '.join(MODES)} のいずれかです ({mode})")
    if mode == "census" or rates is None:
        return assumptions
    census = assumptions.net_migration_rate
    recent = np.broadcast_to(rates, census.shape[-3:])
    weight = 1.0 if mode == "juki" else BLEND_WEIGHT
    mixed = np.where(np.isnan(recent), census, weight * recent + (1 - weight) * census)
    return replace(assumptions, net_migration_rate=mixed)
