from __future__ import annotations

from django.apps import AppConfig


class VisionConfig(AppConfig):
    name = "sousei.web.vision"
    label = "vision"
    verbose_name = "人口ビジョン"
    default_auto_field = "django.db.models.BigAutoField"
