"""Charts of the current-state part beyond the census: net migration by age per period (male
and female panels) and natural/social change by year."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from sousei.demography.ages import AGE_STARTS, AGE_STEP, OPEN, SEX_LABELS_JA, SEXES
from sousei.reports.charts import Chart, color, line_style, render, thousands
from sousei.reports.vision_data import VisionData
from sousei.vision.net_migration import TRANSITIONS

# The x axis names the age at the start of each period ("20-24" for 20～24歳→25～29歳; the open
# 85+ joins 85-89 and 90+); the table gives the full transition. Short ASCII labels keep the
# SVG (text drawn as paths) light.
START_AGES = [f"{a}-{a + AGE_STEP - 1}" for a in AGE_STARTS[: OPEN - 1]] + [f"{AGE_STARTS[OPEN - 1]}+"]


def net_migration_chart(data: VisionData) -> Chart:
    """「年齢階級別純移動数の時系列分析」: one line per census period, men and women apart."""
    migration = data.net_migration
    assert migration is not None
    labels = migration.period_labels()

    def draw(figure: Figure) -> None:
        # Fixed margins instead of the constrained layout: with 36 rotated tick labels the
        # layout solver took about 40% of this chart's time, run again for PNG and SVG.
        figure.set_layout_engine("none")
        margins = {"left": 0.135, "right": 0.99, "bottom": 0.25, "top": 0.87, "wspace": 0.06}
        axes = figure.subplots(1, 2, sharey=True, gridspec_kw=margins)
        positions = np.arange(len(TRANSITIONS))
        for s, (ax, sex) in enumerate(zip(axes, SEXES, strict=True)):
            for k, label in enumerate(labels):
                ax.plot(
                    positions,
                    migration.persons[k, 0, s],
                    color=color(k),
                    linestyle=line_style(k),
                    linewidth=1.2,
                    label=label,
                )
            ax.axhline(0, color="#555555", linewidth=0.8)
            ax.set_xticks(positions, START_AGES, rotation=90, fontsize=7)
            ax.set_title(f"{SEX_LABELS_JA[sex]}性", fontsize=10)
            ax.set_xlabel("期首の年齢(歳)", fontsize=8)
            ax.yaxis.set_major_formatter(FuncFormatter(thousands))
        axes[0].set_ylabel("純移動数(人)")
        figure.legend(*axes[0].get_legend_handles_labels(), loc="lower center",
                      ncols=4, fontsize=7, frameon=False)
        figure.suptitle("年齢階級別純移動数の時系列分析", fontsize=10)

    return render("年齢別純移動数", "年齢階級別純移動数の時系列分析", draw, size=(7.0, 4.6))


def vital_chart(data: VisionData) -> Chart:
    """Natural and social change per year as bars around zero."""
    years = [str(row.year) for row in data.vital]
    natural = [row.natural_change for row in data.vital]
    social = [row.social_change for row in data.vital]

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        positions = np.arange(len(years))
        ax.bar(positions - 0.2, natural, width=0.4, color=color(5), label="自然増減")
        ax.bar(positions + 0.2, social, width=0.4, color=color(1), label="社会増減")
        ax.axhline(0, color="#555555", linewidth=0.8)
        ax.set_xticks(positions, years, rotation=45, fontsize=8)
        ax.set_ylabel("人")
        ax.yaxis.set_major_formatter(FuncFormatter(thousands))
        ax.legend(fontsize=8, frameon=False)
        ax.set_title("自然増減・社会増減の推移", fontsize=10)

    return render("自然増減・社会増減", "自然増減・社会増減の推移", draw)

