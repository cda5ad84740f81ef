from __future__ import annotations

from django.urls import path

from sousei.web.opendata import views

app_name = "opendata"
urlpatterns = [
    path("open/", views.index, name="index"),
    path("open/strategies/<int:pk>/evaluation.<str:fmt>", views.evaluation_file,
         name="evaluation"),
    path("open/organisations/<int:pk>/projection.<str:fmt>", views.projection_file,
         name="projection"),
    path("organisations/<int:pk>/vision/publish/", views.publish_projection, name="publish"),
]
