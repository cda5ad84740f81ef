"""Settings for development, tests and a single office; production overrides in `production.py`.

Secrets and the database come only from the environment:
SOUSEI_SECRET_KEY, SOUSEI_DEBUG (1/0), SOUSEI_ALLOWED_HOSTS (comma separated), DATABASE_URL,
SOUSEI_VAR_DIR (where the default SQLite file lives; `var/` of the working directory),
SOUSEI_HTTPS (1/0: whether browsers reach the server over TLS; see docs/deploy.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from sousei.japanese.clock import TIME_ZONE as JAPAN_TIME_ZONE

WEB_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("SOUSEI_VAR_DIR", Path.cwd() / "var"))

DEBUG = os.environ.get("SOUSEI_DEBUG", "1") == "1"
# A development key is allowed only while DEBUG is on; production.py refuses to start without one.
SECRET_KEY = os.environ.get("SOUSEI_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "dev-only-insecure-key-do-not-deploy-" + "x" * 20
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("SOUSEI_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("SOUSEI_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "sousei.web.accounts",
    "sousei.web.audit",
    "sousei.web.strategies",
    "sousei.web.vision",
    "sousei.web.api",
    "sousei.web.logic",
    "sousei.web.opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "sousei.web.limits.RequestBodyLimit",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

# Request bodies: the whole body (uploads included) is refused above SOUSEI_MAX_UPLOAD_MIB
# before it is read (web/limits.py); form fields beside files stay small; files above 2.5 MiB
# go to a temporary file instead of memory.
SOUSEI_MAX_REQUEST_BYTES = int(os.environ.get("SOUSEI_MAX_UPLOAD_MIB", "20")) * 2**20
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 2**20
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 2**20)

ROOT_URLCONF = "sousei.web.urls"
WSGI_APPLICATION = "sousei.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # The CSRF token masked once per request, shared with kept pieces (fragments.py).
                "sousei.web.fragments.csrf_once",
            ],
            # `{% url %}` with the reversed paths kept per process (web/url_tag.py), the
            # htmx script and style sheets of every page built once (web/head_tag.py).
            "builtins": ["sousei.web.url_tag", "sousei.web.head_tag"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'sousei.sqlite3'}", conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several workers share one file: WAL lets readers go on while one writes; IMMEDIATE takes
    # the write lock when a transaction starts, so a writer waits (up to `timeout` seconds) for
    # another instead of failing with "database is locked" when its read turns into a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 first: new passwords are hashed with it, older hashes are upgraded at login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "strategies:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling (accounts/throttle.py): failures per user name and per address in a window.
LOGIN_THROTTLE_LIMIT = int(os.environ.get("SOUSEI_LOGIN_THROTTLE_LIMIT", "5"))
LOGIN_THROTTLE_WINDOW = int(os.environ.get("SOUSEI_LOGIN_THROTTLE_WINDOW", "900"))
# Behind N reverse proxies the client is the N-th address from the right of X-Forwarded-For
# (docs/deploy.md); 0 (default) counts REMOTE_ADDR.
LOGIN_THROTTLE_PROXIES = int(os.environ.get("SOUSEI_FORWARDED_FOR", "0") or 0)
# The throttle counts in the database; the cache holds only what each worker may keep to itself
# (SOUSEI_CACHE=db shares it through the table made by `createcachetable`).
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "sousei_cache"}
        if os.environ.get("SOUSEI_CACHE") == "db"
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", "日本語")]
TIME_ZONE = JAPAN_TIME_ZONE  # the CLI and the reports use the same zone (japanese/clock.py)
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# The site-wide stylesheets (デジタル庁デザインシステムのトークン and the layout built on them).
STATICFILES_DIRS = [WEB_DIR / "static"]

SESSION_COOKIE_HTTPONLY = True
# Django's database sessions and model backend, with their lookups compiled once per process.
SESSION_ENGINE = "sousei.web.accounts.lookups"
AUTHENTICATION_BACKENDS = ["sousei.web.accounts.lookups.UserBackend"]
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# SOUSEI_HTTPS=0 only where the browser reaches the server without TLS on purpose: `sousei serve`
# on 127.0.0.1 sets it, since secure cookies would never come back over plain http.
HTTPS = os.environ.get("SOUSEI_HTTPS", "1") == "1"
if not DEBUG and HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = os.environ.get("SOUSEI_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = int(os.environ.get("SOUSEI_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
