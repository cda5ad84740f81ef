"""`sousei project`: population projections for one area, a prefecture or every municipality."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import typer
from rich.console import Console

from sousei.cli import project_juki as _juki
from sousei.cli.format import batch_progress, print_simulation_table, print_summary
from sousei.demography.indicators import INDICATOR_LABELS, SHARE_INDICATORS
from sousei.demography.scenarios import BASELINE
from sousei.io.errors import InputError
from sousei.io.population.read import read_population
from sousei.io.projection import write_projection
from sousei.io.reference.codes import AreaCodeError
from sousei.io.scenario import read_scenario
from sousei.vision.areas import data_codes
from sousei.vision.notes import ignored_targets
from sousei.vision.run import ProjectionRequest, run_projection
from sousei.vision.tables import batch_summary, long_frame, scenario_label, simulation_table
from sousei.vision.user_data import run_user_projection

SHARE_ROWS = {INDICATOR_LABELS[name] for name in SHARE_INDICATORS}
BATCH_CHUNK = 100  # regions per batch in --all runs: progress to watch, bounded memory


def _fail(message: str) -> typer.Exit:
    Console(stderr=True).print(f"[bold red]エラー:[/] {message}")
    return typer.Exit(code=2)


def project(
    area: list[str] = typer.Option(
        [], "--area", "-a", help="市区町村のコード(5桁・6桁)または名称。複数指定可"
    ),
    prefecture: str | None = typer.Option(
        None, "--prefecture", "-p", help="都道府県コード(例 40)または名称の全市区町村"
    ),
    every: bool = typer.Option(False, "--all", help="全市区町村"),
    base_year: int | None = typer.Option(
        None,
        "--base-year",
        help="基準年 (既定: 国勢調査 2015年、--population ではファイルの最新年)",
    ),
    population: list[Path] = typer.Option(
        [],
        "--population",
        help="基準人口のファイル (縦長形式、住民基本台帳の年齢別人口表、e-Stat の国勢調査の表 "
        "CSV/XLSX。年齢別人口表は --area で地域を指定)。日本人・外国人に分かれていれば別々に推計。"
        "総務省の住基の表 (1708nsnen.xls など .xls/.xlsx) は日本人と外国人の2つを指定 (同梱の表は"
        "ファイル名だけで可)",
    ),
    foreign_history: list[Path] = typer.Option(
        [], "--foreign-history",
        help="外国人のコーホート変化率に使う以前の外国人住民の表 (既定: 同じフォルダの …gsnen)",
    ),
    migration: str = typer.Option(
        "census", "--migration",
        help="住基の表からの推計の純移動率: census (国勢調査) / juki (5年前の住基の表から) / "
        "blend (両者を半分ずつ)",
    ),
    migration_history: Path | None = typer.Option(
        None, "--migration-history",
        help="--migration juki/blend の5年前の表 (既定: 同じフォルダの …nsnen / …ssnen)",
    ),
    to_year: int = typer.Option(2060, "--to", help="推計の終了年(5年刻み)"),
    scenario: list[Path] = typer.Option(
        [], "--scenario", "-s", help="シナリオファイル(TOML)。複数指定可"
    ),
    assumptions: str = typer.Option(
        "census",
        "--assumptions",
        help="census: 国勢調査と生命表から推定 / ipss: 社人研2018推計に合わせる",
    ),
    migration_periods: int = typer.Option(
        1, "--migration-periods", help="純移動率を推定する国勢調査の期間数(1～3)"
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="出力ファイル (.csv または .xlsx)"),
    total: bool = typer.Option(
        False,
        "--sum",
        help="指定した地域の合計(連携中枢都市圏など)の表も表示。各地域の推計は単独の推計と同じです",
    ),
) -> None:
    """将来人口を推計し、基準推計とシナリオを並べて表示します。"""
    # Piped or redirected output keeps whole numbers: a table wrapped at 80 columns is unreadable.
    console = Console() if Console().is_terminal else Console(width=240)
    try:
        scenarios = (BASELINE, *(read_scenario(path) for path in scenario))
        if population and _juki.is_juki(population):
            lines = _juki.project_from_juki(
                console, population, foreign_history, area, prefecture, every, to_year,
                scenarios, migration_periods, out, migration, migration_history)
            for line in lines:
                Console(stderr=True, soft_wrap=True).print(f"[yellow]注意:[/] {line}", highlight=False)
            return
        if len(population) == 1:
            regions = data_codes(area, prefecture, every) if (area or prefecture or every) else ()
            one_area = regions[0] if len(regions) == 1 else None
            frame = read_population(population[0], area_code=one_area, year=base_year)
            year = base_year or int(frame["year"].max())
            request = ProjectionRequest(
                regions, year, to_year, scenarios, assumptions, migration_periods
            )
            _report(console, [run_user_projection(frame, request)], False, out, total)
            return
        regions = data_codes(area, prefecture, every)
        base_year = base_year or 2015
        if total:
            request = ProjectionRequest(
                regions, base_year, to_year, scenarios, assumptions, migration_periods
            )
            _report(console, [run_projection(request)], len(regions) > 1, out, combined=True)
            return
    except (AreaCodeError, InputError, ValueError, KeyError) as error:
        raise _fail(str(error).strip("'\"")) from None
    batch = len(regions) > 1
    chunks = [regions[i : i + BATCH_CHUNK] for i in range(0, len(regions), BATCH_CHUNK)]
    results = []
    with batch_progress(console, batch) as progress:
        task = progress.add_task("推計中 (市区町村)", total=len(regions))
        for chunk in chunks:
            request = ProjectionRequest(
                chunk, base_year, to_year, scenarios, assumptions, migration_periods
            )
            try:
                results.append(run_projection(request))
            except (ValueError, KeyError) as error:
                raise _fail(str(error).strip("'\"")) from None
            progress.advance(task, len(chunk))
    _report(console, results, batch, out)


def _report(
    console: Console, results: list, batch: bool, out: Path | None, combined: bool = False
) -> None:
    """Summary (several areas), the simulation table (one area, or the sum with ``combined``)
    and the output file."""
    tables: dict[str, pd.DataFrame] = {}
    for note in ignored_targets(results[0][1]) if results else []:
        Console(stderr=True).print(f"[yellow]注意:[/] {note}")
    if combined:
        ((base, run),) = results
        tables[f"合計({len(base.regions)}地域)"] = simulation_table(run, None)
    summaries, cells = [], []
    for base, run in results:
        labels = [scenario_label(run, k) for k in range(len(run.scenarios))]
        if not batch or out is not None:
            for i, code in enumerate(run.total.regions):
                tables[f"{base.names[i]}({code})"] = simulation_table(run, i)
        summaries.append(batch_summary(run, base.names))
        cells.append(long_frame(run.total, labels))
    summary = pd.concat(summaries, ignore_index=True)
    if batch or len(tables) > 1:
        print_summary(console, summary)
    if not batch or combined:
        title, table = next(iter(tables.items()))
        print_simulation_table(console, f"{title} 将来人口推計", table, SHARE_ROWS)
    if out is not None:
        try:
            write_projection(out, tables, SHARE_ROWS, summary if batch else None, pd.concat(cells))
        except InputError as error:
            raise _fail(str(error)) from None
        console.print(f"{out} に書き出しました")
