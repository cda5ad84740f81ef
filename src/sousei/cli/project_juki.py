"""`sousei project --population <総務省 住基の表> …`: every area of the national tables.

Kept apart from :mod:`sousei.cli.project` so the census path stays as it is: this one reads
the national files (日本人 + 外国人, or 総計 with a warning), tells the user on stderr what was
read and how the dates run, projects the chosen areas and lists those it could not project.
The output has every nationality: 日本人 (japanese), 外国人 (foreign) and their sum (total).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
from rich.console import Console

from sousei.cli.format import print_simulation_table, print_summary
from sousei.demography.ages import AGE_STEP
from sousei.demography.scenarios import Scenario
from sousei.io import juki_sheet
from sousei.io.errors import InputError
from sousei.io.population.juki_soumu import municipal_codes
from sousei.io.projection import write_projection
from sousei.io.reference import shipped
from sousei.io.reference.codes import prefecture_code, resolve_area
from sousei.vision.juki_base import JukiBase, load_juki_base
from sousei.vision.juki_migration import MODES, find_history, juki_rates
from sousei.vision.juki_projection import prepare, project_juki
from sousei.vision.method import DEFAULT_METHOD, CensusMethod
from sousei.vision.run import ProjectionRequest
from sousei.vision.tables import (
    batch_summary,
    batch_summary_kinds,
    long_frame,
    scenario_label,
    simulation_kinds,
    simulation_table,
)


def is_juki(paths: list[Path]) -> bool:
    """Whether the --population files are 総務省 住基 tables (or their shipped names)."""
    for path in paths:
        if not path.is_file() and shipped.juki_file(path.name) is not None:
            return True
        if path.is_file() and juki_sheet.is_juki_file(path):
            return True
    return len(paths) > 1


def _chosen(base: JukiBase, area: list[str], prefecture: str | None, every: bool) -> list[str]:
    areas = base.main.areas
    if every:
        return municipal_codes(areas)
    codes = municipal_codes(areas, prefecture=prefecture_code(prefecture)) if prefecture else []
    for text in area:
        code = resolve_area(text)
        if code not in set(areas["area_code"]):
            raise InputError(f"{text} ({code}) の行が {base.main.file} にありません")
        codes.append(code)
    if not codes:
        raise InputError("--area、--prefecture、--all のいずれかで地域を指定してください")
    return list(dict.fromkeys(codes))


def dating(reference: date, steps: int) -> str:
    """「2017-01-01 -> 2022-01-01 …」: the dates the 5-year steps stand for."""
    dates = [reference.replace(year=reference.year + AGE_STEP * k) for k in range(steps + 1)]
    shown = " -> ".join(d.isoformat() for d in dates[:4]) + (" …" if len(dates) > 4 else "")
    return (f"基準日 {reference.isoformat()} から5年ごと ({shown}); 表の年は基準日の年です。"
            "国勢調査 (10月1日) から推定した5年間の生残率・純移動率・子ども女性比を、"
            "この5年ごとの期間にずらさず当てはめています")


def project_from_juki(
    console: Console, paths: list[Path], history: list[Path], area: list[str],
    prefecture: str | None, every: bool, to_year: int, scenarios: tuple[Scenario, ...],
    migration_periods: int | None, out: Path | None, migration: str = "census",
    migration_history: Path | None = None, method: CensusMethod = DEFAULT_METHOD,
) -> list[str]:
    """Project and report; returns the lines for stderr (notes, skipped areas).

    ``method`` is the census method behind the assumptions (``--births`` among them), the same
    as for a census base: the 住基 base changes the starting population, not the method."""
    if migration not in MODES:
        raise InputError(f"--migration は {' / '.join(MODES)} のいずれかです ({migration})")
    base = load_juki_base(paths, history or None)
    codes = _chosen(base, area, prefecture, every)
    request = ProjectionRequest(tuple(codes), base.base_year, to_year, scenarios,
                                "census", migration_periods, method=method)
    lines = [*base.notes, dating(base.reference_date, request.steps())]
    prepared = prepare(base)
    if migration != "census":
        earlier = find_history(base, migration_history, paths[0])
        prepared = replace(prepared, migration=juki_rates(base, earlier, prepared.main),
                           migration_mode=migration)
        lines = [*base.notes, lines[-1]]
    results, skipped = project_juki(prepared, codes, request)
    lines += [f"推計できない地域: {s.code} {s.name}: {s.reason}" for s in skipped]
    if not results:
        raise InputError("推計できる地域がありません")
    _report(console, results, len(codes) > 1, out)
    return lines


def _report(console: Console, results: list, batch: bool, out: Path | None) -> None:
    tables: dict[str, pd.DataFrame] = {}
    summaries, cells = [], []
    for base, run in results:
        labels = [scenario_label(run, k) for k in range(len(run.scenarios))]
        if not batch or (out is not None and out.suffix.lower() == ".xlsx"):
            for i, code in enumerate(run.total.regions):
                tables[f"{base.names[i]}({code})"] = simulation_table(run, i)
        summaries.append(batch_summary(run, base.names))
        parts = [run.total] if run.foreign is None else [run.japanese, run.foreign, run.total]
        cells += [long_frame(part, labels) for part in parts]
    summary = pd.concat(summaries, ignore_index=True)
    summary_kinds = batch_summary_kinds(results[0][1])
    row_kinds = {title: simulation_kinds(table) for title, table in tables.items()}
    if batch:
        print_summary(console, summary, summary_kinds)
    else:
        title, table = next(iter(tables.items()))
        print_simulation_table(console, f"{title} 将来人口推計", table, row_kinds[title])
    if out is not None:
        listing = (summary, summary_kinds) if batch else None
        write_projection(out, tables, row_kinds, listing, pd.concat(cells))
        console.print(f"{out} に書き出しました")
