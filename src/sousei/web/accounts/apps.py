from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sousei.web.accounts"
    label = "accounts"
    verbose_name = "組織と利用者"
