"""`sousei report vision|kpi`: the 人口ビジョン chapter and the KPI verification report as files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from sousei.cli.common import INPUT_REFUSED, USAGE, fail, message_of, read_scenarios, require_files
from sousei.cli.format import batch_progress
from sousei.cli.help import JapaneseCommand, JapaneseGroup
from sousei.demography.scenarios import BASELINE
from sousei.io.errors import InputError, WorkbookError
from sousei.io.flows.foreign_residents import read_foreign_residents_file
from sousei.io.flows.moves import read_moves_file
from sousei.io.flows.vital_stats import read_vital_statistics
from sousei.io.population.read import read_population
from sousei.io.reference.codes import AreaCodeError
from sousei.io.strategy.comments import read_comments
from sousei.io.strategy.progress import read_progress_workbook
from sousei.io.strategy.project_sheet import read_project_sheets
from sousei.japanese import EraError, parse_fiscal_year
from sousei.reports.kpi import write_kpi_report
from sousei.reports.pdf import ChromiumNotFoundError, PdfPrinter
from sousei.reports.vision import write_vision_report
from sousei.reports.vision_areas import AreaTables
from sousei.reports.vision_data import user_vision_data, vision_data, with_vital
from sousei.reports.vision_outlook import PopulationTarget, VisionOutlook, scenario_index
from sousei.strategy import evaluate_strategy, get_scheme
from sousei.vision.areas import data_codes
from sousei.vision.run import ProjectionRequest
from sousei.vision.tables import reference_index

app = typer.Typer(help="報告書(Excel・PDF・グラフ)を作成します", no_args_is_help=True, cls=JapaneseGroup)


def _fail(message: str, code: int = USAGE) -> typer.Exit:
    return fail(message, code)


@app.command("vision", cls=JapaneseCommand)
def vision_command(
    area: list[str] = typer.Option([], "--area", "-a", help="市区町村のコードまたは名称"),
    prefecture: str | None = typer.Option(None, "--prefecture", "-p", help="都道府県の全市区町村"),
    every: bool = typer.Option(False, "--all", help="全市区町村"),
    scenario: list[Path] = typer.Option([], "--scenario", "-s", help="シナリオファイル(TOML)"),
    assumptions: str = typer.Option("census", "--assumptions", help="census または ipss"),
    base_year: int | None = typer.Option(
        None, "--base-year", help="基準年 (既定: 国勢調査 2015年、--population ではファイルの最新年)"
    ),
    to_year: int = typer.Option(2060, "--to", help="推計の終了年"),
    out: Path = typer.Option(
        ..., "--out", "-o",
        help="出力フォルダ (無ければ作ります)。人口ビジョン_<市区町村名>.xlsx・.html・.pdf と"
        "グラフをここに書きます。複数の市区町村では <コード>_<名称> のフォルダごとに",
    ),
    pdf: bool = typer.Option(True, "--pdf/--no-pdf", help="PDFも作成する"),
    moves: Path | None = typer.Option(None, "--moves", help="転入元・転出先別の移動(CSV/XLSX)"),
    foreign: Path | None = typer.Option(None, "--foreign", help="国籍・在留資格別の在留外国人(CSV/XLSX)"),
    population: Path | None = typer.Option(
        None, "--population", help="基準人口のファイル (縦長形式、住基の年齢別人口表、e-Stat の国勢調査の表 CSV/XLSX)"
    ),
    vital: Path | None = typer.Option(
        None, "--vital", help="人口動態のファイル (年・出生・死亡・転入・転出の CSV)"
    ),
    vision: str | None = typer.Option(None, "--vision", help="将来展望とするシナリオの名前"),
    against: str | None = typer.Option(
        None, "--against", help="シミュレーションの差を計算する基準のシナリオ名 (既定: 基準推計)"),
    target_population: int | None = typer.Option(
        None, "--target-population", help="将来展望の目標人口(人)"
    ),
    target_year: int | None = typer.Option(None, "--target-year", help="目標人口の年"),
) -> None:
    """人口ビジョンの報告書(Excel・HTML・PDF・グラフ)を市区町村ごとに作成します。"""
    try:
        require_files(moves, foreign, population, vital)
        areas = area_tables(moves, foreign)
        scenarios = (BASELINE, *read_scenarios(scenario))
        reports = _vision_reports(
            area, prefecture, every, scenarios, assumptions, base_year, to_year, population
        )
        if vital is not None:
            if len(reports) > 1:
                raise InputError("--vital は1市区町村の報告書にだけ使えます", vital.name)
            reports = with_vital(reports, _read_vital(vital), f"人口動態({vital.name})")
        if against is not None:
            reference_index(reports[0].run, against)  # an unknown name is refused here
            reports = [replace(r, against=against) for r in reports]
        outlook = _outlook(vision, target_population, target_year, len(reports))
        if outlook is not None:
            scenario_index(reports[0], outlook.scenario)
    except (InputError, WorkbookError) as error:
        raise _fail(str(error), INPUT_REFUSED) from None
    except (AreaCodeError, ValueError, KeyError) as error:
        raise _fail(message_of(error)) from None
    console = Console()
    batch = len(reports) > 1
    try:
        printer = PdfPrinter() if pdf else None
        with (
            printer or _Nothing(),
            batch_progress(console, batch) as progress,
        ):
            task = progress.add_task("報告書を作成中", total=len(reports))
            for data in reports:
                target = out / f"{data.code}_{data.name}" if batch else out
                files = write_vision_report(data, target, printer, pdf, areas, outlook)
                progress.advance(task)
                if not batch:
                    for path in (files.xlsx, files.pdf, files.html):
                        if path is not None:
                            console.print(f"書き出しました: {path}", markup=False)
    except ChromiumNotFoundError as error:
        raise _fail(str(error)) from None
    except ValueError as error:  # a target year outside the projection
        raise _fail(str(error)) from None
    if batch:
        console.print(f"{len(reports)}市区町村の報告書を {out} に書き出しました", markup=False)


def _target(population: int | None, year: int | None, scenario: str = "") -> PopulationTarget | None:
    if population is None and year is None:
        return None
    if population is None or year is None:
        raise ValueError("目標人口は --target-population と --target-year の両方で指定してください")
    return PopulationTarget(population, year, scenario)


def _outlook(
    vision: str | None, population: int | None, year: int | None, areas: int
) -> VisionOutlook | None:
    """The 将来展望 of the options; a target population only makes sense for one area."""
    target = _target(population, year, vision or "")
    if vision is None:
        if target is not None:
            raise ValueError("目標人口を指定するときは --vision で将来展望のシナリオも指定してください")
        return None
    if target is not None and areas > 1:
        raise ValueError("目標人口は1つの市区町村の報告書を作るときだけ指定できます")
    return VisionOutlook(vision, target)


def area_tables(moves: Path | None, foreign: Path | None) -> AreaTables | None:
    """The optional tables of the moves and foreign-resident sections, read and validated."""
    if moves is None and foreign is None:
        return None
    return AreaTables(
        read_moves_file(moves) if moves else None, f"{moves.name}(利用者提供)" if moves else "",
        read_foreign_residents_file(foreign) if foreign else None,
        f"{foreign.name}(利用者提供)" if foreign else "",
    )


def _read_vital(path: Path) -> list:
    if not path.is_file():
        raise InputError("ファイルが見つかりません", path.name)
    return read_vital_statistics(path.read_bytes(), path.name)


def _vision_reports(
    area: list[str],
    prefecture: str | None,
    every: bool,
    scenarios: tuple,
    assumptions: str,
    base_year: int | None,
    to_year: int,
    population: Path | None,
) -> list:
    """Census-based reports, or reports from the user's own population file (住基)."""
    if population is None:
        regions = data_codes(area, prefecture, every)
        request = ProjectionRequest(regions, base_year or 2015, to_year, scenarios, assumptions)
        return vision_data(request)
    regions = data_codes(area, prefecture, every) if (area or prefecture or every) else ()
    one_area = regions[0] if len(regions) == 1 else None
    frame = read_population(population, area_code=one_area, year=base_year)
    year = base_year or int(frame["year"].max())
    request = ProjectionRequest(regions, year, to_year, scenarios, assumptions)
    return user_vision_data(frame, request, f"住民基本台帳等({population.name})")


class _Nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None


@app.command("kpi", cls=JapaneseCommand)
def kpi_command(
    workbook: Annotated[Path, typer.Argument(help="事業一覧の Excel ファイル (.xlsx)")],
    out: Annotated[Path, typer.Option(
        "--out", "-o", help="出力フォルダ (無ければ作ります)。効果検証報告書の .xlsx・.html・.pdf と"
        "グラフをここに書きます")],
    as_of: Annotated[str | None, typer.Option(help="評価する年度 (例: R7, 2025)")] = None,
    scheme: Annotated[str, typer.Option(help="評価方式 (standard, a-e, sabc, ...)")] = "standard",
    projects: Annotated[Path | None, typer.Option(help="連携事業の事業シート (.xlsx)")] = None,
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="PDFも作成する")] = True,
    comments: Annotated[
        Path | None, typer.Option(help="検証委員会の意見 (.csv または .xlsx)")
    ] = None,
    target_population: Annotated[
        int | None, typer.Option(help="人口ビジョンの目標人口(人)")
    ] = None,
    target_year: Annotated[int | None, typer.Option(help="目標人口の年")] = None,
) -> None:
    """事業一覧を評価し、効果検証報告書(Excel・HTML・PDF・グラフ)を作成します。"""
    try:
        grading = get_scheme(scheme)
        fiscal_year = parse_fiscal_year(as_of) if as_of else None
        target = _target(target_population, target_year)
    except (ValueError, EraError) as error:
        raise _fail(str(error)) from None
    try:
        require_files(workbook, projects, comments)
        strategy = read_progress_workbook(workbook).strategy
        sheets = read_project_sheets(projects) if projects else ()
        opinions = read_comments(comments, strategy) if comments else ()
    except (WorkbookError, InputError) as error:
        raise _fail(str(error), INPUT_REFUSED) from None
    evaluation = evaluate_strategy(strategy, grading, fiscal_year)
    try:
        files = write_kpi_report(
            evaluation, out, sheets, pdf=pdf, comments=opinions, target=target
        )
    except ChromiumNotFoundError as error:
        raise _fail(str(error)) from None
    for path in (files.xlsx, files.pdf, files.html):
        if path is not None:
            typer.echo(f"書き出しました: {path}")
