"""The section 「将来展望」 of a 人口ビジョン report: the scenario the municipality chose, its
population path against the baseline and the IPSS projection, and the target population.

The choice arrives as plain data (:class:`VisionOutlook`): the CLI builds it from
``--vision NAME --target-population N --target-year Y``, the web app from the organisation's
VisionChoice. Every figure comes from the same run as the other tables of the report.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from sousei.japanese import format_year_prose
from sousei.reports.charts import Chart, color, render, thousands
from sousei.reports.html import Section
from sousei.reports.table import Cell, ReportTable
from sousei.reports.vision_data import VisionData
from sousei.reports.vision_text import IPSS_SOURCE, format_number
from sousei.reports.vision_words import scenario_words
from sousei.vision.areas import ipss_totals
from sousei.vision.tables import scenario_label


@dataclass(frozen=True)
class PopulationTarget:
    """目標人口: ``population`` persons in ``year`` (the strategy's or the vision's horizon)."""

    population: int
    year: int
    scenario: str = ""  # the 将来展望 scenario it belongs to, when known

    def __post_init__(self) -> None:
        if self.population <= 0:
            raise ValueError(f"目標人口は正の整数で指定してください (値: {self.population})")

    def sentence(self) -> str:
        """One sentence for the KPI report's basic-goal summary."""
        vision = f"人口ビジョンの将来展望「{self.scenario}」" if self.scenario else "人口ビジョン"
        return (
            f"{vision}では、{format_year_prose(self.year)}の目標人口を"
            f"{format_number(self.population)}人としています。"
        )


@dataclass(frozen=True)
class VisionOutlook:
    scenario: str  # a scenario name of the run (or its label, 基準推計 for the baseline)
    target: PopulationTarget | None = None


def scenario_index(data: VisionData, name: str) -> int:
    for k, scenario in enumerate(data.run.scenarios):
        if name in (scenario.name, scenario_label(data.run, k)):
            return k
    names = "、".join(scenario_label(data.run, k) for k in range(len(data.run.scenarios)))
    raise ValueError(f"将来展望のシナリオ「{name}」がありません (推計したシナリオ: {names})")


def _ipss_on_years(data: VisionData) -> np.ndarray | None:
    """IPSS 2018 totals on the report's years (NaN where IPSS has no figure), or None."""
    totals = ipss_totals((data.code,))
    out = np.array([totals.get(year, np.nan) for year in data.years], dtype=float)
    return None if np.isnan(out).all() else out


@dataclass(frozen=True)
class OutlookFigures:
    """Totals per report year of the chosen scenario, the baseline and IPSS (NaN: none)."""

    years: tuple[int, ...]
    index: int
    chosen: np.ndarray
    baseline: np.ndarray
    ipss: np.ndarray | None

    def chosen_at(self, year: int) -> float:
        """The chosen path at ``year``, linear between the 5-year points."""
        return float(np.interp(year, self.years, self.chosen))

    def baseline_at(self, year: int) -> float:
        return float(np.interp(year, self.years, self.baseline))


def figures(data: VisionData, outlook: VisionOutlook) -> OutlookFigures:
    index = scenario_index(data, outlook.scenario)
    target = outlook.target
    if target is not None and not data.years[0] <= target.year <= data.years[-1]:
        raise ValueError(
            f"目標年 {target.year} は推計期間 {data.years[0]}～{data.years[-1]}年の中で指定してください"
        )
    totals = data.run.total.population[:, :, data.region].sum(axis=(-2, -1))
    return OutlookFigures(data.years, index, totals[index], totals[0], _ipss_on_years(data))


def _difference_row(label: str, values: np.ndarray) -> tuple[Cell | None, ...]:
    return (Cell(label, emphasis=True), *(Cell(float(v), "count") for v in values))


def outlook_table(data: VisionData, fig: OutlookFigures) -> ReportTable:
    """Total population per year: 将来展望, baseline, IPSS and the differences."""
    name = scenario_label(data.run, fig.index)
    rows = [
        _difference_row(f"将来展望「{name}」", fig.chosen),
        _difference_row("基準推計", fig.baseline),
        _difference_row("差(将来展望－基準推計)", fig.chosen - fig.baseline),
    ]
    notes = []
    if fig.ipss is not None:
        rows.append(_difference_row("社人研推計", fig.ipss))
        rows.append(_difference_row("差(将来展望－社人研推計)", fig.chosen - fig.ipss))
        notes.append(f"※社人研推計: {IPSS_SOURCE}。推計のない年は—です。")
    header = (Cell("区分"), *(Cell(year, "year") for year in data.years))
    return ReportTable(
        key="将来展望",
        title=f"{data.name} 将来展望の総人口",
        header=(header,),
        body=tuple(rows),
        notes=tuple(notes),
        unit="人",
    )


def target_table(data: VisionData, fig: OutlookFigures, target: PopulationTarget) -> ReportTable:
    """The target population against the chosen path and the baseline in the target year."""
    chosen, baseline = fig.chosen_at(target.year), fig.baseline_at(target.year)
    headers = ("目標年", "目標人口", "将来展望の推計", "差(推計－目標)", "基準推計", "差(基準推計－目標)")
    body = (
        (
            Cell(target.year, "year"),
            Cell(float(target.population), "count"),
            Cell(chosen, "count"),
            Cell(chosen - target.population, "count"),
            Cell(baseline, "count"),
            Cell(baseline - target.population, "count"),
        ),
    )
    notes = []
    if target.year not in data.years:
        notes.append("※推計値は5年ごとの推計を直線で補間した値です。")
    return ReportTable(
        key="目標人口",
        title=f"{data.name} 目標人口",
        header=(tuple(Cell(h) for h in headers),),
        body=body,
        notes=tuple(notes),
        unit="人",
    )


def outlook_chart(data: VisionData, fig: OutlookFigures, target: PopulationTarget | None) -> Chart:
    labels = [str(y) for y in data.years]
    name = scenario_label(data.run, fig.index)

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        ax.plot(data.years, fig.chosen, color=color(5), marker="o", label=f"将来展望「{name}」")
        ax.plot(data.years, fig.baseline, color=color(0), linestyle="--", label="基準推計")
        if fig.ipss is not None:
            ax.plot(data.years, fig.ipss, color=color(6), linestyle=":", marker="s",
                    label="社人研推計")
        if target is not None:
            ax.plot([target.year], [target.population], color=color(1), marker="*",
                    markersize=14, linestyle="none", label="目標人口")
        ax.set_xticks(list(data.years), labels)
        ax.tick_params(axis="x", labelrotation=45, labelsize=8)
        ax.set_ylabel("人")
        ax.yaxis.set_major_formatter(FuncFormatter(thousands))
        ax.set_title("将来展望の総人口(基準推計・社人研推計との比較)", fontsize=10)
        figure.legend(loc="outside lower center", ncols=4, fontsize=8, frameon=False)

    return render("将来展望", "将来展望の総人口", draw)


def _paragraphs(data: VisionData, outlook: VisionOutlook, fig: OutlookFigures) -> tuple[str, ...]:
    scenario = data.run.scenarios[fig.index]
    name = scenario_label(data.run, fig.index)
    first = f"将来展望として、シナリオ「{name}」を選びました。仮定は、{scenario_words(scenario, data.base_tfr)}"
    last = data.years[-1]
    gap = fig.chosen[-1] - fig.baseline[-1]
    second = (
        f"{format_year_prose(last)}の総人口は{format_number(fig.chosen[-1])}人となり、基準推計"
        f"({format_number(fig.baseline[-1])}人)との差は{format_number(gap)}人です。"
    )
    if fig.ipss is not None:
        k = int(np.flatnonzero(~np.isnan(fig.ipss))[-1])
        second += (
            f"社人研推計の{format_year_prose(data.years[k])}の{format_number(fig.ipss[k])}人とは"
            f"{format_number(fig.chosen[k] - fig.ipss[k])}人の差です。"
        )
    texts = [first, second]
    target = outlook.target
    if target is not None:
        projected = fig.chosen_at(target.year)
        texts.append(
            f"目標人口は{format_year_prose(target.year)}に{format_number(target.population)}人です。"
            f"将来展望の推計では同年の総人口は{format_number(projected)}人で、目標との差は"
            f"{format_number(projected - target.population)}人です。"
        )
    return tuple(texts)


def outlook_section(data: VisionData, outlook: VisionOutlook) -> Section:
    fig = figures(data, outlook)
    blocks: list[ReportTable | Chart] = [outlook_table(data, fig)]
    if outlook.target is not None:
        blocks.append(target_table(data, fig, outlook.target))
    blocks.append(outlook_chart(data, fig, outlook.target))
    return Section("outlook", "将来展望", _paragraphs(data, outlook, fig), tuple(blocks))
