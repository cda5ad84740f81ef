from __future__ import annotations

from django.urls import include, path

urlpatterns = [
    path("accounts/", include("sousei.web.accounts.urls")),
    path("audit/", include("sousei.web.audit.urls")),
    path("", include("sousei.web.vision.urls")),
    path("", include("sousei.web.strategies.urls")),
]
