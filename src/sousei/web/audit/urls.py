from __future__ import annotations

from django.urls import path

from sousei.web.audit import views

app_name = "audit"
urlpatterns = [
    path("<str:object_type>/<int:pk>/", views.object_history, name="object"),
]
