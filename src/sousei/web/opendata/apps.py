from __future__ import annotations

from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "sousei.web.opendata"
    label = "opendata"
    verbose_name = "オープンデータ"
