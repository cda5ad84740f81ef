from __future__ import annotations

from django.apps import AppConfig


class LogicConfig(AppConfig):
    name = "sousei.web.logic"
    label = "logic"
    verbose_name = "ロジックモデル"
