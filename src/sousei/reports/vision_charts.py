"""The charts of a 人口ビジョン chapter: age groups, scenario lines, pyramids and TFR."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from sousei.demography.ages import AGE_LABELS_JA
from sousei.demography.indicators import age_group_totals
from sousei.reports.charts import Chart, color, line_style, render, thousands
from sousei.reports.vision_data import VisionData
from sousei.vision.ipss_reference import IpssFigures
from sousei.vision.tables import scenario_label

REPLACEMENT_LEVEL = 2.07
GROUPS = (
    ("elderly", "老年人口(65歳以上)"),
    ("working", "生産年齢人口(15～64歳)"),
    ("child", "年少人口(0～14歳)"),
)


def age_group_chart(data: VisionData) -> Chart:
    """Stacked bars of the 3 age groups over the census years and the baseline projection."""
    # Projected points after the last census: from 2020 on for a census base of 2015, and the
    # base year itself when the user's own population starts later (住基 of 2020).
    after = [i for i, year in enumerate(data.years) if year > data.census_years[-1]]
    years = list(data.census_years) + [data.years[i] for i in after]
    population = np.concatenate([data.census, data.population(0)[after]])
    groups = age_group_totals(population)

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        bottom = np.zeros(len(years))
        labels = [str(y) for y in years]
        for k, (name, label) in enumerate(reversed(GROUPS)):
            ax.bar(
                labels,
                groups[name],
                bottom=bottom,
                label=label,
                color=color(k + 1),
                edgecolor="white",
                linewidth=0.5,
            )
            bottom += groups[name]
        split = len(data.census_years) - 0.5
        ax.axvline(split, color="#555555", linestyle=":", linewidth=1)
        ax.text(split + 0.1, bottom.max() * 1.02, "推計 →", fontsize=8)
        ax.set_ylabel("人")
        ax.yaxis.set_major_formatter(FuncFormatter(thousands))
        ax.tick_params(axis="x", labelrotation=45, labelsize=8)
        ax.set_title("年齢3区分別人口の推移(国勢調査・基準推計)", fontsize=10)
        figure.legend(loc="outside lower center", ncols=3, fontsize=8, frameon=False)

    return render("年齢3区分別人口", "年齢3区分別人口の推移", draw)


def projection_chart(data: VisionData, ipss: Sequence[IpssFigures] = ()) -> Chart:
    """Total population per scenario, one line each, the census past in grey, and IPSS's
    projections (2018, 2023) dotted on their own years."""
    totals = data.run.total.population[:, :, data.region].sum(axis=(-2, -1))

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        ax.plot(
            data.census_years,
            data.census_total,
            color="#999999",
            marker="o",
            markersize=3,
            label="国勢調査",
        )
        for k in range(len(data.run.scenarios)):
            ax.plot(
                data.years,
                totals[k],
                color=color(k),
                linestyle=line_style(k),
                marker="o",
                markersize=3,
                label=scenario_label(data.run, k),
            )
        for j, figures in enumerate(ipss):
            ax.plot(figures.years, figures.values[:, 0], color=color(6 + j), linestyle=":",
                    marker="s", markersize=3, label=figures.label)
        ax.set_ylabel("人")
        ax.yaxis.set_major_formatter(FuncFormatter(thousands))
        ax.legend(fontsize=8, frameon=False)
        ax.set_title("総人口の将来推計(シナリオ別)", fontsize=10)

    return render("総人口の推計", "総人口の将来推計", draw)


def pyramid_chart(data: VisionData, final: bool) -> Chart:
    """Male bars to the left, female to the right, by 5-year age, for one year."""
    index = -1 if final else 0
    year = data.years[index]
    block = data.population(0)[index]
    # One scale for the base and final years, so the two pyramids compare at a glance.
    limit = float(max(data.population(0)[0].max(), data.population(0)[-1].max())) * 1.1

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        positions = np.arange(len(AGE_LABELS_JA))
        ax.barh(positions, -block[0], color=color(5), label="男")
        ax.barh(positions, block[1], color=color(6), label="女")
        ax.set_yticks(positions, AGE_LABELS_JA, fontsize=7)
        ax.set_xlim(-limit, limit)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{abs(v):,.0f}"))
        ax.tick_params(axis="x", labelsize=7)
        ax.set_xlabel("人")
        ax.legend(fontsize=8, frameon=False, loc="upper right")
        ax.set_title(f"人口ピラミッド({year}年)", fontsize=10)

    return render(f"人口ピラミッド_{year}", f"人口ピラミッド({year}年)", draw, size=(5.0, 4.5))


def tfr_chart(data: VisionData) -> Chart:
    """The TFR each scenario assumed, with the replacement level 2.07."""

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        for k in range(len(data.run.scenarios)):
            ax.plot(
                data.years,
                data.run.tfr[k, :, data.region],
                color=color(k),
                linestyle=line_style(k),
                marker="o",
                markersize=3,
                label=scenario_label(data.run, k),
            )
        ax.axhline(REPLACEMENT_LEVEL, color=color(6), linestyle=":", linewidth=1)
        ax.text(data.years[0], REPLACEMENT_LEVEL + 0.02, "人口置換水準 2.07", fontsize=8)
        top = max(REPLACEMENT_LEVEL, float(data.run.tfr[:, :, data.region].max()))
        ax.set_ylim(0, top + 0.3)
        ax.legend(fontsize=8, frameon=False, loc="lower right")
        ax.set_title("合計特殊出生率の仮定", fontsize=10)

    return render("合計特殊出生率", "合計特殊出生率の仮定", draw)


def vision_charts(data: VisionData) -> list[Chart]:
    return [
        age_group_chart(data),
        projection_chart(data),
        pyramid_chart(data, False),
        pyramid_chart(data, True),
        tfr_chart(data),
    ]
