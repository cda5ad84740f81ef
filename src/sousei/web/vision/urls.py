from __future__ import annotations

from django.urls import path

from sousei.web.vision.views import (
    accuracy,
    compare,
    data,
    downloads,
    projection,
    scenarios,
    state,
)

app_name = "vision"
urlpatterns = [
    path("organisations/<int:pk>/vision/", state.state_page, name="state"),
    path("organisations/<int:pk>/vision/data/", data.data_page, name="data"),
    path("organisations/<int:pk>/vision/juki-base/", data.juki_base, name="juki_base"),
    path("organisations/<int:pk>/vision/projection/", projection.projection_page,
         name="projection"),
    path("organisations/<int:pk>/vision/accuracy/", accuracy.accuracy_page, name="accuracy"),
    path("organisations/<int:pk>/vision/report.<str:fmt>", downloads.vision_report,
         name="report"),
    path("organisations/<int:pk>/vision/choice/", projection.choose_vision, name="choose"),
    path("organisations/<int:pk>/vision/scenarios/new/", scenarios.new_scenario,
         name="new_scenario"),
    path("organisations/<int:pk>/vision/preview/", scenarios.preview, name="preview"),
    path("organisations/<int:pk>/vision/compare/", compare.compare_page, name="compare"),
    path("scenarios/<int:pk>/", scenarios.edit_scenario, name="edit_scenario"),
    path("scenarios/<int:pk>/toml/", scenarios.download_scenario, name="scenario_toml"),
]
