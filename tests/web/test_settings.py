"""Security settings: argon2 first, Japanese locale, and a clean `check --deploy` in production."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

from django.conf import settings


def test_argon2_hashes_new_passwords() -> None:
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_japanese_locale_and_tokyo_time() -> None:
    assert (settings.LANGUAGE_CODE, settings.TIME_ZONE) == ("ja", "Asia/Tokyo")


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("SOUSEI_", "DJANGO_"))}
    full_env.update(env)
    return subprocess.run([sys.executable, "-m", "sousei.web", *args], env=full_env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_check_deploy_is_clean_with_production_settings(tmp_path) -> None:
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SETTINGS_MODULE="sousei.web.production",
        SOUSEI_SECRET_KEY=secrets.token_urlsafe(64), SOUSEI_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_generates_a_private_key_once_without_a_secret(tmp_path) -> None:
    result = _manage("check", DJANGO_SETTINGS_MODULE="sousei.web.production",
                     SOUSEI_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    key_file = tmp_path / "secret_key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    key = key_file.read_text()
    assert _manage("check", DJANGO_SETTINGS_MODULE="sousei.web.production",
                   SOUSEI_VAR_DIR=str(tmp_path)).returncode == 0
    assert key_file.read_text() == key


def test_production_refuses_a_short_secret(tmp_path) -> None:
    result = _manage("check", DJANGO_SETTINGS_MODULE="sousei.web.production",
                     SOUSEI_SECRET_KEY="short", SOUSEI_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SOUSEI_SECRET_KEY" in result.stderr


def test_development_settings_flag_the_insecure_defaults(tmp_path) -> None:
    """The same check fails on the development settings: it is really checking something."""
    result = _manage("check", "--deploy", "--fail-level", "WARNING",
                     SOUSEI_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "security.W018" in result.stderr + result.stdout  # DEBUG on


def test_database_follows_database_url() -> None:
    """scripts/pg-test.sh sets DATABASE_URL; this proves the second pass really is PostgreSQL."""
    from django.db import connection

    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected
