"""`sousei project`: population projections for one area, a prefecture or every municipality."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import typer
from rich.console import Console

from sousei.cli import target as target_cli
from sousei.cli.common import USAGE, fail, message_of, read_scenarios, require_files
from sousei.cli.draws import draw_report
from sousei.cli.format import batch_progress, print_simulation_table, print_summary
from sousei.cli.intervals import interval_report
from sousei.demography.scenarios import BASELINE
from sousei.io.errors import InputError
from sousei.io.population.read import read_population
from sousei.io.projection import write_projection
from sousei.io.reference.codes import AreaCodeError
from sousei.japanese.quantity import Quantity
from sousei.vision.areas import data_codes
from sousei.vision.method import CensusMethod
from sousei.vision.notes import ignored_targets
from sousei.vision.run import ProjectionRequest, run_projection
from sousei.vision.tables import (
    batch_summary,
    batch_summary_kinds,
    long_frame,
    reference_index,
    region_ipss_table,
    scenario_label,
    simulation_kinds,
    simulation_table,
)
from sousei.vision.user_data import run_user_projection

BATCH_CHUNK = 100  # regions per batch in --all runs: progress to watch, bounded memory


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
        help="外国人のコーホート変化率に使う以前の外国人住民の表 (既定: 同じフォルダの5年前の YY12gsnen)",
    ),
    migration: str = typer.Option(
        "census", "--migration",
        help="住基の表からの推計の純移動率: census (国勢調査) / juki (5年前の住基の表から) / "
        "blend (両者を半分ずつ)",
    ),
    migration_history: Path | None = typer.Option(
        None, "--migration-history",
        help="--migration juki/blend の5年前の表 (既定: 同じフォルダの5年前の YY08nsnen または YY04ssnen)",
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
    migration_periods: int | None = typer.Option(
        None, "--migration-periods",
        help="純移動率を推定する国勢調査の期間数(1～3、既定は3期間を直近重視で頑健に組み合わせる)",
    ),
    births: str = typer.Option(
        "tfr_path", "--births",
        help="出生の仮定: tfr_path 全国の出生率の推移に沿う子ども女性比 (既定) / asfr 年齢別出生率から"
        " / constant 基準年の子ども女性比を一定 (docs/method.md)",
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o",
        help="出力ファイル: .csv は縦長形式 (scenario 列つき)、.xlsx は地域ごとの表と人口のシート。"
        "省略すると表を画面に表示するだけで、ファイルは書きません",
    ),
    total: bool = typer.Option(
        False,
        "--sum",
        help="指定した地域の合計(連携中枢都市圏など)の表も表示。各地域の推計は単独の推計と同じです",
    ),
    intervals: bool = typer.Option(
        False,
        "--intervals",
        help="総人口の80%・95%予測区間 (過去の推計誤差から) も表示。CSV では別ファイル "
        "<名前>_intervals.csv に書き出し",
    ),
    draws: int = typer.Option(
        0, "--draws", help="確率的推計の試行回数 (純移動率を過去の推計誤差に合わせて揺らす)。"
        "結果は総人口の平均と分位点、--out では <名前>_draws.csv",
    ),
    seed: int = typer.Option(0, "--seed", help="確率的推計の乱数の種 (地域のまとまりごとに固定)"),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="確率的推計を dask.distributed のクラスタで実行 (例 tcp://host:8786)。"
        "既定はこの計算機のスレッド",
    ),
    against: str | None = typer.Option(
        None, "--against",
        help="差を計算する基準のシナリオ名 (既定: 基準推計)。例: 改善シナリオ − 将来推計 を示すとき将来推計のシナリオ名",
    ),
    target: float | None = typer.Option(None, "--target", help=target_cli.TARGET_HELP),
    target_date: str | None = typer.Option(None, "--target-date", help=target_cli.DATE_HELP),
    solve: str = typer.Option("tfr", "--solve", help=target_cli.SOLVE_HELP),
    solve_ages: str = typer.Option("10-29", "--solve-ages", help=target_cli.AGES_HELP),
    mix: str = typer.Option("0.1:0.5", "--mix", help=target_cli.MIX_HELP),
) -> None:
    """将来人口を推計し、基準推計とシナリオを並べて表示します。

    表は画面 (標準出力) に、ファイルは --out を指定したときだけ書きます。
    """
    # Piped or redirected output keeps whole numbers: a table wrapped at 80 columns is unreadable.
    console = Console() if Console().is_terminal else Console(width=240)
    try:
        method = CensusMethod(births=births)
        scenarios = (BASELINE, *read_scenarios(scenario))
        if draws < 0:
            raise ValueError(f"--draws は0以上にしてください ({draws})")
        if draws and (population or total):
            raise ValueError("確率的推計 (--draws) は国勢調査の基準人口の地域ごとの推計で使えます")
        # The 住基 readers (and their xls/xlsx libraries) load only when a file is given.
        juki = None
        if population:
            from sousei.cli import project_juki as juki
        if juki is not None and juki.is_juki(population):  # shipped names resolve there
            lines = juki.project_from_juki(
                console, population, foreign_history, area, prefecture, every, to_year,
                scenarios, migration_periods, out, migration, migration_history, method)
            for line in lines:
                Console(stderr=True, soft_wrap=True).print(f"[yellow]注意:[/] {line}", highlight=False)
            return
        require_files(*population)
        if len(population) == 1:
            regions = data_codes(area, prefecture, every) if (area or prefecture or every) else ()
            one_area = regions[0] if len(regions) == 1 else None
            frame = read_population(population[0], area_code=one_area, year=base_year)
            year = base_year or int(frame["year"].max())
            request = ProjectionRequest(
                regions, year, to_year, scenarios, assumptions, migration_periods,
                method=method,
            )
            if target is not None:
                request = target_cli.with_target(
                    console, request, lambda r: run_user_projection(frame, r), target,
                    target_date, solve, solve_ages, mix)
            _report(console, [run_user_projection(frame, request)], False, out, total, intervals,
                    against)
            return
        regions = data_codes(area, prefecture, every)
        base_year = base_year or 2015
        if target is not None and len(regions) > 1 and not total:
            raise ValueError("--target は1つの地域か、--sum の合計に使えます")
        if target is not None:
            scenarios = target_cli.with_target(
                console, ProjectionRequest(regions, base_year, to_year, scenarios, assumptions,
                                           migration_periods, method=method),
                run_projection, target, target_date, solve, solve_ages, mix).scenarios
        if total:
            request = ProjectionRequest(
                regions, base_year, to_year, scenarios, assumptions, migration_periods,
                method=method,
            )
            _report(console, [run_projection(request)], len(regions) > 1, out, True, intervals,
                    against)
            return
    except InputError as error:
        raise fail(str(error)) from None
    except (AreaCodeError, ValueError, KeyError) as error:
        raise fail(message_of(error), USAGE) from None
    batch = len(regions) > 1
    chunks = [regions[i : i + BATCH_CHUNK] for i in range(0, len(regions), BATCH_CHUNK)]
    results = []
    with batch_progress(console, batch) as progress:
        task = progress.add_task("推計中 (市区町村)", total=len(regions))
        for chunk in chunks:
            request = ProjectionRequest(
                chunk, base_year, to_year, scenarios, assumptions, migration_periods,
                method=method,
            )
            try:
                results.append(run_projection(request))
            except (ValueError, KeyError) as error:
                raise fail(message_of(error), USAGE) from None
            progress.advance(task, len(chunk))
    _report(console, results, batch, out, intervals=intervals, against=against)
    if draws > 0:
        if assumptions != "census":
            raise fail("確率的推計 (--draws) は国勢調査から推定した仮定値 (census) で使えます", USAGE)
        try:
            draw_report(console, regions, base_year, to_year, draws, seed, scheduler,
                        migration_periods, out, batch)
        except (ValueError, OSError) as error:
            raise fail(str(error)) from None


def _ipss_tables(title: str, regions: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """IPSS 2018 and 2023 for the areas shown together (nothing when IPSS lacks one)."""
    try:
        codes = data_codes(regions)
    except AreaCodeError:
        return {}
    table = region_ipss_table(codes) if len(codes) == len(regions) else None
    return {} if table is None else {f"社人研推計 {title}": table}


def _report(
    console: Console, results: list, batch: bool, out: Path | None, combined: bool = False,
    intervals: bool = False, against: str | None = None,
) -> None:
    """Summary (several areas), the simulation table (one area, or the sum with ``combined``)
    and the output file; differences are taken from the scenario ``against`` (the baseline
    unless named)."""
    try:
        reference = reference_index(results[0][1], against) if results else 0
    except ValueError as error:
        raise fail(str(error), USAGE) from None
    tables: dict[str, pd.DataFrame] = {}
    for note in ignored_targets(results[0][1]) if results else []:
        Console(stderr=True).print(f"[yellow]注意:[/] {note}")
    ipss: dict[str, pd.DataFrame] = {}
    if combined:
        ((base, run),) = results
        tables[f"合計({len(base.regions)}地域)"] = simulation_table(run, None, reference)
        ipss = _ipss_tables(f"合計({len(base.regions)}地域)", base.regions)
    summaries, cells = [], []
    for base, run in results:
        labels = [scenario_label(run, k) for k in range(len(run.scenarios))]
        if not batch or out is not None:
            for i, code in enumerate(run.total.regions):
                tables[f"{base.names[i]}({code})"] = simulation_table(run, i, reference)
            if not combined and len(run.total.regions) == 1:
                ipss = _ipss_tables(f"{base.names[0]}({run.total.regions[0]})", base.regions)
        summaries.append(batch_summary(run, base.names))
        cells.append(long_frame(run.total, labels))
    summary = pd.concat(summaries, ignore_index=True)
    summary_kinds = batch_summary_kinds(results[0][1])
    row_kinds = {title: simulation_kinds(table) for title, table in tables.items()}
    if batch or len(tables) > 1:
        print_summary(console, summary, summary_kinds)
    if not batch or combined:
        title, table = next(iter(tables.items()))
        print_simulation_table(console, f"{title} 将来人口推計", table, row_kinds[title])
        for title, table in ipss.items():
            print_simulation_table(console, title, table, simulation_kinds(table))
    if intervals:
        try:
            bands = interval_report(console, results, batch, out, combined)
            tables.update(bands)  # totals and their bounds: persons in every row
            row_kinds.update({title: [Quantity.PERSONS] * len(t) for title, t in bands.items()})
        except ValueError as error:  # e.g. a base year no backtest covers: the options conflict
            raise fail(str(error), USAGE) from None
    if out is not None:
        listing = (summary, summary_kinds) if batch else None
        try:
            ipss_kinds = {title: simulation_kinds(table) for title, table in ipss.items()}
            write_projection(out, {**tables, **ipss}, {**row_kinds, **ipss_kinds}, listing,
                             pd.concat(cells))
        except InputError as error:
            raise fail(str(error)) from None
        console.print(f"{out} に書き出しました")
