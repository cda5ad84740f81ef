from __future__ import annotations

from django.urls import path

from sousei.web.accounts import organisation_views, views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("organisations/new/", organisation_views.organisation_new, name="organisation_new"),
]
