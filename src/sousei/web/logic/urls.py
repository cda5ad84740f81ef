from __future__ import annotations

from django.urls import path

from sousei.web.logic import views

app_name = "logic"
urlpatterns = [
    path("strategies/<int:pk>/logic/", views.logic_page, name="page"),
]
