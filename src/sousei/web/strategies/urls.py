from __future__ import annotations

from django.urls import path

from sousei.web.strategies.views import (
    comments,
    downloads,
    entry,
    evaluation,
    goal,
    home,
    kpi,
    kpi_edit,
    project,
    strategy_import,
    tree,
    workbook,
)

app_name = "strategies"
urlpatterns = [
    path("", home.home, name="home"),
    path("strategies/<int:pk>/", tree.strategy_tree, name="tree"),
    path("strategies/<int:pk>/evaluation/", evaluation.evaluation_view, name="evaluation"),
    path("strategies/<int:pk>/publish/", evaluation.publish, name="publish"),
    path("strategies/<int:pk>/workbook/", workbook.workbook_page, name="workbook"),
    path("strategies/<int:pk>/workbook/progress.xlsx", workbook.download_progress,
         name="download_progress"),
    path("strategies/<int:pk>/workbook/template.xlsx", workbook.download_template,
         name="download_template"),
    path("strategies/<int:pk>/report.<str:fmt>", downloads.strategy_report_download,
         name="report"),
    path("organisations/<int:pk>/strategy-import/", strategy_import.strategy_import,
         name="strategy_import"),
    path("organisations/<int:pk>/strategy-import/confirm/",
         strategy_import.strategy_import_confirm, name="strategy_import_confirm"),
    path("strategies/<int:pk>/strategy.xlsx", strategy_import.strategy_export,
         name="strategy_export"),
    path("snapshots/<int:pk>/", evaluation.snapshot_detail, name="snapshot"),
    path("goals/<int:pk>/", goal.goal_dashboard, name="goal"),
    path("projects/<int:pk>/", project.project_detail, name="project"),
    path("kpis/<int:pk>/", kpi.kpi_detail, name="kpi"),
    path("kpis/<int:pk>/edit/", kpi_edit.kpi_edit, name="kpi_edit"),
    path("kpis/<int:pk>/actuals/<int:fiscal_year>/", entry.actual_entry, name="actual_entry"),
    path("kpis/<int:pk>/comments/", comments.kpi_comment, name="kpi_comment"),
    path("goals/<int:pk>/comments/", comments.goal_comment, name="goal_comment"),
]
