"""社人研推計との比較: every 人口ビジョン report sets its projection beside the published IPSS
projections of the same municipality, whether or not a 将来展望 is chosen.

The published projections are a list (:data:`PUBLISHED`), so a newer one is one more entry:
the 2023 projection (令和5年推計) is added here once ``sousei.io.reference`` can read it
(``read_ipss2023``, branches ``foreign``/``accuracy``); its totals per year go in ``totals``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from sousei.japanese import format_number, format_year_prose
from sousei.reports.charts import Chart, color, render, thousands
from sousei.reports.html import Section
from sousei.reports.table import Cell, ReportTable
from sousei.reports.vision_data import VisionData
from sousei.reports.vision_text import IPSS_SOURCE
from sousei.vision.areas import ipss_totals


@dataclass(frozen=True)
class PublishedProjection:
    """A published projection: its row label, its source, and its totals per year of a
    municipality (empty when it has none for that code)."""

    label: str
    source: str
    totals: Callable[[str], dict[int, float]]


PUBLISHED: tuple[PublishedProjection, ...] = (
    PublishedProjection("社人研推計(平成30年)", IPSS_SOURCE, lambda code: ipss_totals((code,))),
    # PublishedProjection("社人研推計(令和5年)", IPSS2023_SOURCE, <totals from read_ipss2023>),
)


def _on_years(values: dict[int, float], years: tuple[int, ...]) -> np.ndarray:
    return np.array([values.get(year, np.nan) for year in years], dtype=float)


def published_paths(data: VisionData) -> list[tuple[PublishedProjection, np.ndarray]]:
    """Each published projection with figures for this municipality, on the report's years."""
    paths = []
    for published in PUBLISHED:
        path = _on_years(published.totals(data.code), data.years)
        if not np.isnan(path).all():
            paths.append((published, path))
    return paths


def _row(label: str, values: np.ndarray) -> tuple[Cell | None, ...]:
    return (Cell(label, emphasis=True), *(Cell(float(v), "count") for v in values))


def comparison_table(data: VisionData, paths: list) -> ReportTable:
    baseline = data.run.total.population[0, :, data.region].sum(axis=(-2, -1))
    rows = [_row("基準推計(本推計)", baseline)]
    for published, path in paths:
        rows.append(_row(published.label, path))
        rows.append(_row(f"差(基準推計－{published.label})", baseline - path))
    sources = "。".join(f"{p.label}: {p.source}" for p, _ in paths)
    return ReportTable(
        key="社人研推計との比較",
        title=f"{data.name} 総人口の推計の比較(基準推計と社人研推計)",
        header=((Cell("区分"), *(Cell(year, "year") for year in data.years)),),
        body=tuple(rows),
        notes=(f"※{sources}。推計のない年は—です。",),
        unit="人",
    )


def comparison_chart(data: VisionData, paths: list) -> Chart:
    baseline = data.run.total.population[0, :, data.region].sum(axis=(-2, -1))

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        ax.plot(data.years, baseline, color=color(0), marker="o", label="基準推計(本推計)")
        for k, (published, path) in enumerate(paths):
            ax.plot(data.years, path, color=color(6 + k), linestyle=":", marker="s",
                    label=published.label)
        ax.set_xticks(list(data.years), [str(y) for y in data.years])
        ax.tick_params(axis="x", labelrotation=45, labelsize=8)
        ax.set_ylabel("人")
        ax.yaxis.set_major_formatter(FuncFormatter(thousands))
        ax.set_title("総人口の推計の比較(基準推計と社人研推計)", fontsize=10)
        figure.legend(loc="outside lower center", ncols=1 + len(paths), fontsize=8,
                      frameon=False)

    return render("社人研推計との比較", "総人口の推計の比較", draw)


def _sentence(data: VisionData, published: PublishedProjection, path: np.ndarray) -> str:
    k = int(np.flatnonzero(~np.isnan(path))[-1])
    ours = float(data.run.total.population[0, k, data.region].sum())
    year = format_year_prose(data.years[k])
    return (f"{year}の総人口は、基準推計で{format_number(ours)}人、{published.label}で"
            f"{format_number(float(path[k]))}人です(差{format_number(ours - float(path[k]))}人)。")


def published_section(data: VisionData) -> Section | None:
    """The comparison section, or None when no published projection covers the municipality
    (a new code IPSS never projected, a partnership's sum)."""
    paths = published_paths(data)
    if not paths:
        return None
    paragraphs = tuple(_sentence(data, published, path) for published, path in paths)
    return Section("published", "社人研推計との比較", paragraphs,
                   (comparison_table(data, paths), comparison_chart(data, paths)))
