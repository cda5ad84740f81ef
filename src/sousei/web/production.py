"""Production settings: `DJANGO_SETTINGS_MODULE=sousei.web.production` (used by `sousei serve`).

Forces DEBUG off, so the secure cookie and header settings of `settings.py` apply. The secret
key comes from SOUSEI_SECRET_KEY, or else from `var/secret_key`, generated once (mode 0600).
Static files are served by WhiteNoise from STATIC_ROOT (`collectstatic`, which `sousei serve`
runs). `manage.py check --deploy` is clean with these settings when SOUSEI_HTTPS is on.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

os.environ["SOUSEI_DEBUG"] = "0"

from sousei.web.secret import load_or_create
from sousei.web.settings import *  # noqa: F403
from sousei.web.settings import MIDDLEWARE, VAR_DIR

SECRET_KEY = os.environ.get("SOUSEI_SECRET_KEY", "") or load_or_create(VAR_DIR)
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SOUSEI_SECRET_KEY は50文字以上にしてください (未設定なら var/secret_key を自動で作ります)"
    )

# WhiteNoise right after SecurityMiddleware: static files never reach the session machinery.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# A template naming a file that collectstatic has not seen gets its plain URL, not a 500.
WHITENOISE_MANIFEST_STRICT = False
