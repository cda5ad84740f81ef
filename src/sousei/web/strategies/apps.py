from __future__ import annotations

from django.apps import AppConfig


class StrategiesConfig(AppConfig):
    name = "sousei.web.strategies"
    label = "strategies"
    verbose_name = "総合戦略"
