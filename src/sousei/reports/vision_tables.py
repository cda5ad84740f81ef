"""The tables of a 人口ビジョン chapter, built from one region's :class:`VisionData`.

Numbers stay numbers (persons, shares as fractions) with a format name per cell; headers carry
the Western year (2025) as printed tables do, and the scenario blocks of the simulation table
are merged down their rows.
"""

from __future__ import annotations

import numpy as np

from sousei.demography.ages import AGE_LABELS_JA
from sousei.demography.indicators import INDICATOR_LABELS, indicators
from sousei.reports.table import Cell, ReportTable, merge_down, spanned
from sousei.reports.vision_data import VisionData
from sousei.vision.notes import ignored_targets
from sousei.vision.tables import (
    INDICATOR_KINDS,
    difference_suffix,
    reference_index,
    scenario_label,
    simulation_kinds,
    simulation_table,
)


def _year_header(first: str, years: tuple[int, ...]) -> tuple[tuple[Cell | None, ...], ...]:
    return ((Cell(first), *(Cell(year, "year") for year in years)),)


def _indicator_rows(values: dict[str, np.ndarray]) -> list[tuple[Cell | None, ...]]:
    rows = []
    for name, series in values.items():
        label = INDICATOR_LABELS[name]
        cells = (Cell(float(v), INDICATOR_KINDS[name].value) for v in series)
        rows.append((Cell(label, emphasis=True), *cells))
    return rows


def census_table(data: VisionData) -> ReportTable:
    """年齢3区分別人口の推移 over the census years (総人口 includes 年齢不詳)."""
    values = indicators(data.census)
    values["total"] = data.census_total
    return ReportTable(
        key="現状_年齢3区分別人口",
        title=f"{data.name} 年齢3区分別人口の推移(国勢調査)",
        header=_year_header("区分", data.census_years),
        body=tuple(_indicator_rows(values)),
        unit="人",
        notes=("※総人口には年齢不詳を含み、年齢3区分は年齢不詳を按分した値です。",),
    )


def projection_table(data: VisionData) -> ReportTable:
    """The baseline projection per 5-year point: total (Japanese/foreign when split),
    3 age groups and their shares."""
    foreign = data.run.foreign.population[0, :, data.region] if data.run.foreign else None
    values = indicators(data.population(0), foreign)
    base = "国勢調査(年齢不詳を按分)" if data.resident is None else data.resident.source
    notes = [f"※基準年は{base}、以降は推計値です。"]
    if foreign is None:
        notes.append("※基準人口が日本人・外国人別でないため、総人口のみを示します"
                     "(日本人・外国人別の人口データでは別々に推計します)。")
    return ReportTable(
        key="将来推計",
        title=f"{data.name} 将来人口推計(基準推計)",
        header=_year_header("区分", data.years),
        body=tuple(_indicator_rows(values)),
        unit="人",
        notes=tuple(notes),
    )


def simulation_report_table(data: VisionData) -> ReportTable:
    """Each scenario's block of indicators and its difference from the baseline (or from the
    scenario ``data.against`` names)."""
    reference = reference_index(data.run, data.against)
    frame = simulation_table(data.run, data.region, reference)
    rows: list[list[Cell | None]] = []
    for ((scenario, label), series), kind in zip(frame.iterrows(), simulation_kinds(frame),
                                                 strict=True):
        rows.append([Cell(scenario, emphasis=True), Cell(label),
                     *(Cell(float(v), kind.value) for v in series)])
    merge_down(rows, 0)
    header = ((Cell("シナリオ"), Cell("区分"), *(Cell(int(y), "year") for y in frame.columns)),)
    return ReportTable(
        key="シミュレーション",
        title=f"{data.name} 人口推移のシミュレーション",
        header=header,
        body=tuple(tuple(r) for r in rows),
        unit="人",
        notes=(f"※{difference_suffix(data.run, reference)[1:-1]}は各シナリオの値から"
               f"{scenario_label(data.run, reference)}の値を引いたものです。",
               *(f"※{note}。" for note in ignored_targets(data.run))),
    )


def pyramid_table(data: VisionData) -> ReportTable:
    """男女・5歳階級別人口 at the base and final years, two merged year headers."""
    first, last = data.years[0], data.years[-1]
    blocks = [data.population(0)[0], data.population(0)[-1]]
    header = (
        (
            Cell("年齢", rowspan=2),
            *spanned(Cell(first, "year"), 3),
            *spanned(Cell(last, "year"), 3),
        ),
        (None, *(Cell(s) for _ in blocks for s in ("男", "女", "計"))),
    )
    body = []
    for a, label in enumerate(AGE_LABELS_JA):
        cells = []
        for block in blocks:
            male, female = float(block[0, a]), float(block[1, a])
            cells += [Cell(male, "count"), Cell(female, "count"), Cell(male + female, "count")]
        body.append((Cell(label, emphasis=True), *cells))
    totals = []
    for block in blocks:
        totals += [
            Cell(float(block[0].sum()), "count"),
            Cell(float(block[1].sum()), "count"),
            Cell(float(block.sum()), "count"),
        ]
    body.append((Cell("総数", emphasis=True), *totals))
    return ReportTable(
        key="人口ピラミッド",
        title=f"{data.name} 男女・年齢5歳階級別人口({first}年・{last}年、基準推計)",
        header=header,
        body=tuple(body),
        unit="人",
    )


def tfr_table(data: VisionData) -> ReportTable:
    """The TFR path each scenario assumed, per 5-year point."""
    body = []
    for k in range(len(data.run.scenarios)):
        path = data.run.tfr[k, :, data.region]
        body.append(
            (
                Cell(scenario_label(data.run, k), emphasis=True),
                *(Cell(float(v), "ratio") for v in path),
            )
        )
    return ReportTable(
        key="合計特殊出生率の仮定",
        title=f"{data.name} 合計特殊出生率の仮定",
        header=_year_header("シナリオ", data.years),
        body=tuple(body),
        notes=("※人口置換水準は2.07です。",),
    )
