"""The KPI verification report (進捗・総括): a progress workbook in, XLSX, HTML and PDF out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from sousei.japanese import format_fiscal_year
from sousei.reports.charts import Chart, color, render
from sousei.reports.html import Document, Section
from sousei.reports.kpi_comments import comments_section
from sousei.reports.kpi_logic import IndicatorStatus, logic_section
from sousei.reports.kpi_review import committee_section, self_evaluation_section
from sousei.reports.kpi_tables import (
    numerical_targets_table,
    progress_table,
    project_table,
    summary_table,
)
from sousei.reports.pdf import PdfPrinter
from sousei.reports.table import ReportTable
from sousei.reports.vision import ReportFiles, write_document
from sousei.reports.vision_outlook import PopulationTarget
from sousei.strategy import CommitteeComment, Project, Review, StrategyEvaluation
from sousei.strategy.logic_model import LogicModel


def achievement_chart(evaluation: StrategyEvaluation) -> Chart:
    """Grade counts per basic goal as stacked horizontal bars, best grade first."""
    summaries = list(evaluation.goals)
    symbols = evaluation.scheme.symbols
    names = [s.name for s in summaries][::-1]

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        left = [0.0] * len(summaries)
        series = [(s, [float(g.counts[s]) for g in summaries][::-1]) for s in symbols]
        series.append(
            (evaluation.scheme.pending_label, [float(g.pending) for g in summaries][::-1])
        )
        for k, (label, counts) in enumerate(series):
            ax.barh(
                names,
                counts,
                left=left,
                label=label,
                color=color(k + 3) if k < len(symbols) else "#BBBBBB",
            )
            left = [a + b for a, b in zip(left, counts, strict=True)]
        ax.set_xlabel("KPI数")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # KPIs are counted, never 2.5
        ax.tick_params(axis="y", labelsize=8)
        ax.set_title(
            f"基本目標別のKPI評価({format_fiscal_year(evaluation.as_of)}時点)", fontsize=10
        )
        figure.legend(loc="outside lower center", ncols=len(series), fontsize=8, frameon=False)

    return render("KPI評価", "基本目標別のKPI評価", draw, size=(7.0, 1.2 + 0.6 * len(names)))


def _overview(
    evaluation: StrategyEvaluation, target: PopulationTarget | None = None
) -> tuple[str, ...]:
    total = evaluation.total
    scheme = evaluation.scheme
    counts = "、".join(f"{s}が{total.counts[s]}件" for s in scheme.symbols)
    text = (
        f"{format_fiscal_year(evaluation.as_of)}時点で、{len(evaluation.strategy.goals)}つの"
        f"基本目標に設定した{total.kpi_count}件のKPIのうち、{counts}です。"
    )
    if total.pending:
        text += f"このほか{total.pending}件は{scheme.pending_label}です。"
    return (text,) if target is None else (text, target.sentence())


def kpi_document(
    evaluation: StrategyEvaluation,
    projects: Sequence[Project] = (),
    comments: Sequence[CommitteeComment] = (),
    target: PopulationTarget | None = None,
    review: Review | None = None,
    logic: tuple[LogicModel, Mapping[str, IndicatorStatus]] | None = None,
) -> Document:
    """Summary (with the vision's target population when given), progress, project sheets and
    the committee's comments, in the order the verification report prints them; the logic
    model (with each indicator's grade and trend) follows the summary when given."""
    strategy = evaluation.strategy
    summary_blocks: list[ReportTable | Chart] = [
        summary_table(evaluation),
        achievement_chart(evaluation),
    ]
    numerical = numerical_targets_table(evaluation)
    if numerical is not None:
        summary_blocks.append(numerical)
    sections = [
        Section(
            "summary", "基本目標の達成状況", _overview(evaluation, target), tuple(summary_blocks)
        ),
        Section(
            "progress", "事業一覧(KPIの進捗)", (), (progress_table(evaluation),), landscape=True
        ),
    ]
    if logic is not None and (section := logic_section(*logic)) is not None:
        sections.append(section)
    if projects:
        tables = tuple(project_table(p, i) for i, p in enumerate(projects, start=1))
        sections.append(Section("projects", "連携事業の事業シート", (), tables))
    review = review or Review()
    for section in (self_evaluation_section(review), committee_section(review),
                    comments_section(comments, strategy)):
        if section is not None:
            sections.append(section)
    period = f"{format_fiscal_year(strategy.plan_start)}～{format_fiscal_year(strategy.plan_end)}"
    subtitle = f"計画期間 {period}・{format_fiscal_year(evaluation.as_of)}時点の評価"
    return Document(f"{strategy.name} 効果検証報告書", subtitle, tuple(sections))


def write_kpi_report(
    evaluation: StrategyEvaluation,
    out_dir: str | Path,
    projects: Sequence[Project] = (),
    printer: PdfPrinter | None = None,
    pdf: bool = True,
    comments: Sequence[CommitteeComment] = (),
    target: PopulationTarget | None = None,
) -> ReportFiles:
    document = kpi_document(evaluation, projects, comments, target)
    stem = f"効果検証_{format_fiscal_year(evaluation.as_of)}"
    if printer is None and pdf:
        with PdfPrinter() as own:
            return write_document(document, Path(out_dir), stem, own)
    return write_document(document, Path(out_dir), stem, printer if pdf else None)
