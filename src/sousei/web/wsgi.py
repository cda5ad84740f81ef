"""WSGI entry for an application server (gunicorn, mod_wsgi)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sousei.web.production")
application = get_wsgi_application()
