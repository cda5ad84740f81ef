"""Production settings: `DJANGO_SETTINGS_MODULE=sousei.web.production`.

Forces DEBUG off, so the secure cookie and header settings of `settings.py` apply, and refuses
to start without a real secret key. `manage.py check --deploy` is clean with these settings.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

os.environ["SOUSEI_DEBUG"] = "0"

from sousei.web.settings import *  # noqa: F403

if len(os.environ.get("SOUSEI_SECRET_KEY", "")) < 50:
    raise ImproperlyConfigured(
        "SOUSEI_SECRET_KEY を環境変数に50文字以上で設定してください (本番設定)"
    )
