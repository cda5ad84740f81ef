"""The 人口ビジョン report of one municipality: tables, charts and prose, written as XLSX, HTML,
PDF and chart files into one directory."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sousei.japanese import format_year_prose
from sousei.reports.charts import Chart
from sousei.reports.html import Document, Section, render_document
from sousei.reports.pdf import PdfPrinter
from sousei.reports.table import ReportTable
from sousei.reports.vision_areas import AreaTables, area_sections
from sousei.reports.vision_charts import (
    age_group_chart,
    projection_chart,
    pyramid_chart,
    tfr_chart,
)
from sousei.reports.vision_data import VisionData
from sousei.reports.vision_intervals import interval_report_table
from sousei.reports.vision_ipss import ipss_table, report_ipss
from sousei.reports.vision_migration import current_state_blocks
from sousei.reports.vision_outlook import VisionOutlook, outlook_section
from sousei.reports.vision_published import published_section
from sousei.reports.vision_tables import (
    census_table,
    projection_table,
    pyramid_table,
    simulation_report_table,
    tfr_table,
)
from sousei.reports.vision_text import assumptions_table, summary_sentences
from sousei.reports.xlsx import write_workbook

ASSUMPTION_LABELS = {"census": "国勢調査と生命表から推定", "ipss": "社人研推計(平成30年)に準拠"}


@dataclass(frozen=True)
class ReportFiles:
    xlsx: Path
    html: Path
    pdf: Path | None
    charts: tuple[Path, ...]


def vision_document(
    data: VisionData, areas: AreaTables | None = None, outlook: VisionOutlook | None = None
) -> Document:
    """The chapter's sections in print order; each table also becomes an XLSX sheet.
    ``areas`` adds the moves and foreign-resident sections after the current state;
    ``outlook``, the 将来展望 the municipality chose, adds its section after the simulation."""
    first, last = data.years[0], data.years[-1]
    census_first, census_last = data.census_years[0], data.census_years[-1]
    sections = (
        Section("summary", "人口の現状と将来の見通し", tuple(summary_sentences(data))),
        Section(
            "current",
            "人口の現状",
            (
                f"{format_year_prose(census_first)}から{format_year_prose(census_last)}までの"
                "国勢調査による年齢3区分別人口です。",
            ),
            (census_table(data), age_group_chart(data), *current_state_blocks(data)),
        ),
        Section(
            "projection",
            "将来人口推計",
            (
                f"{format_year_prose(first)}を基準年として{format_year_prose(last)}まで"
                "5年ごとに推計しました(コーホート要因法)。",
            ),
            tuple(block for block in (projection_table(data), ipss_table(data),
                                      projection_chart(data, report_ipss(data)),
                                      interval_report_table(data))
                  if block is not None),
        ),
        Section("simulation", "人口推移のシミュレーション", (), (simulation_report_table(data),)),
        Section(
            "pyramid",
            "人口ピラミッド",
            (),
            (pyramid_chart(data, False), pyramid_chart(data, True), pyramid_table(data)),
        ),
        Section(
            "assumptions",
            "推計の仮定と出典",
            (),
            (tfr_table(data), tfr_chart(data), assumptions_table(data)),
        ),
    )
    after = next(i for i, s in enumerate(sections) if s.key == "current") + 1
    sections = (*sections[:after], *area_sections(data.code, data.name, areas), *sections[after:])
    if len(data.run.scenarios) == 1:  # no scenario: the simulation would repeat the projection
        sections = tuple(s for s in sections if s.key != "simulation")
    published = published_section(data)
    if published is not None:
        at = next(i for i, s in enumerate(sections) if s.key == "projection") + 1
        sections = (*sections[:at], published, *sections[at:])
    if outlook is not None:
        keys = [s.key for s in sections]
        at = keys.index("simulation" if "simulation" in keys else "projection") + 1
        sections = (*sections[:at], outlook_section(data, outlook), *sections[at:])
    source = ASSUMPTION_LABELS[data.request.assumptions]
    subtitle = f"{data.name}({data.code}) 将来人口推計 {first}～{last}年・仮定値: {source}"
    return Document(f"{data.name} 人口ビジョン", subtitle, sections)


def tables_of(document: Document) -> list[ReportTable]:
    return [b for s in document.sections for b in s.blocks if isinstance(b, ReportTable)]


def charts_of(document: Document) -> list[Chart]:
    return [b for s in document.sections for b in s.blocks if isinstance(b, Chart)]


def write_document(
    document: Document, out_dir: Path, stem: str, printer: PdfPrinter | None
) -> ReportFiles:
    """XLSX, HTML, PDF (when a printer is given) and the chart PNG/SVG files into ``out_dir``.

    The chart files are drawn on a second thread while Chromium prints: the print is another
    process, so on two cores the SVGs (the slowest part in Python) cost no extra wall time. The
    PNGs are drawn before, by the HTML, so the two threads never draw the same figure.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    xlsx = write_workbook(tables_of(document), out_dir / f"{stem}.xlsx")
    html = render_document(document)
    html_path = out_dir / f"{stem}.html"
    html_path.write_text(html, encoding="utf-8")
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sousei-charts") as pool:
        chart_files = pool.submit(_write_charts, charts_of(document), out_dir / "charts")
        pdf = printer.print(html, out_dir / f"{stem}.pdf") if printer is not None else None
        charts = chart_files.result()
    return ReportFiles(xlsx, html_path, pdf, charts)


def _write_charts(charts: list[Chart], folder: Path) -> tuple[Path, ...]:
    paths: list[Path] = []
    for chart in charts:
        paths += chart.write(folder)
    return tuple(paths)


def write_vision_report(
    data: VisionData,
    out_dir: str | Path,
    printer: PdfPrinter | None = None,
    pdf: bool = True,
    areas: AreaTables | None = None,
    outlook: VisionOutlook | None = None,
) -> ReportFiles:
    """One municipality's report; opens a browser of its own when ``pdf`` and none is given."""
    document = vision_document(data, areas, outlook)
    stem = f"人口ビジョン_{data.name}"
    if printer is None and pdf:
        with PdfPrinter() as own:
            return write_document(document, Path(out_dir), stem, own)
    return write_document(document, Path(out_dir), stem, printer if pdf else None)
