from __future__ import annotations

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "sousei.web.audit"
    label = "audit"
    verbose_name = "変更履歴"
