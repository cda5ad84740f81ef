from __future__ import annotations

from django.urls import include, path

from sousei.web.api.api import api

urlpatterns = [
    path("accounts/", include("sousei.web.accounts.urls")),
    path("audit/", include("sousei.web.audit.urls")),
    path("api/v1/", api.urls),
    path("", include("sousei.web.logic.urls")),
    path("", include("sousei.web.opendata.urls")),
    path("", include("sousei.web.vision.urls")),
    path("", include("sousei.web.strategies.urls")),
]
