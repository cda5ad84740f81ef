"""`sousei serve` runs a multi-worker server with DEBUG off; `python -m sousei.web` is manage.py."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sousei.cli import app
from sousei.cli.wsgi_server import worker_count
from sousei.web.secret import load_or_create

PASSWORD = "correct-horse-battery-staple-42"
SRC = str(Path(__file__).resolve().parents[2] / "src")


def test_serve_is_a_sousei_command() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Webアプリを起動する" in result.output
    assert "127.0.0.1" in result.output
    assert "--dev" in result.output


def test_module_entry_runs_django_commands(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sousei.web", "showmigrations", "strategies"],
        env={"SOUSEI_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONPATH": SRC},
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "0001_initial" in result.stdout


def test_secret_key_is_generated_once_and_private(tmp_path) -> None:
    first = load_or_create(tmp_path / "var")
    assert len(first) >= 50
    path = tmp_path / "var" / "secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create(tmp_path / "var") == first


def test_worker_count_follows_the_option_then_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("SOUSEI_WORKERS", "3")
    assert worker_count(2) == 2
    assert worker_count() == 3
    monkeypatch.delenv("SOUSEI_WORKERS")
    # One worker per CPU (the pages are CPU-bound), at least 2, at most 8.
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert worker_count() == 2
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert worker_count() == 2
    monkeypatch.setattr("os.cpu_count", lambda: 32)
    assert worker_count() == 8


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stdout.read() if process.stdout else "server exited")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("serve")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOUSEI_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)  # this test is about the server, on its own SQLite file
    # As behind one reverse proxy, so that the race below has an address of its own.
    env.update(SOUSEI_VAR_DIR=str(tmp_path / "var"), PYTHONPATH=SRC, SOUSEI_FORWARDED_FOR="1")
    code = "import sys; from sousei.cli import main; sys.argv[0] = 'sousei'; main()"
    process = subprocess.Popen(
        [sys.executable, "-c", code, "serve", "--port", str(port), "--workers", "2"],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base + "/accounts/login/", process)
        subprocess.run(
            [sys.executable, "-m", "sousei.web", "shell", "-c",
             "from django.contrib.auth import get_user_model as U; "
             f"U().objects.create_user('guess-target', password='{PASSWORD}')"],
            env={**env, "DJANGO_SETTINGS_MODULE": "sousei.web.production"},
            check=True, timeout=120,
        )
        yield base, tmp_path / "var"
    finally:
        process.terminate()
        process.wait(timeout=30)


def _browser(base: str) -> tuple[urllib.request.OpenerDirector, str]:
    """A cookie-keeping client that has fetched the login form; returns it and the CSRF token."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(base + "/accounts/login/").close()
    return opener, next(c.value for c in jar if c.name == "csrftoken")


def _post_login(base: str, opener, token: str, username: str, password: str) -> int:
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(
        base + "/accounts/login/", data=data, headers={"X-Forwarded-For": "203.0.113.20"}
    )
    try:
        with opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_serve_runs_a_production_server(server) -> None:
    base, var = server
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + "/accounts/login/") as response:
        assert response.headers["Server"].startswith("gunicorn")
        page = response.read().decode()
    assert stat.S_IMODE((var / "secret_key").stat().st_mode) == 0o600
    # Static files come from WhiteNoise under their hashed names.
    script = re.search(r'src="(/static/[^"]+\.js)"', page).group(1)
    with urllib.request.urlopen(base + script) as response:
        assert response.status == 200 and len(response.read()) > 10_000
    # DEBUG is off: a 404 is the Japanese page, not the URLconf.
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(base + "/no-such-page/")
    body = missing.value.read().decode()
    assert missing.value.code == 404
    assert "ページが見つかりません" in body and "URLconf" not in body
    # Over plain http on 127.0.0.1 the CSRF cookie comes back: a wrong password is refused
    # by the form (200), not by the CSRF check (403).
    token = next(c.value for c in jar if c.name == "csrftoken")
    data = urllib.parse.urlencode(
        {"username": "nobody", "password": "wrong-password", "csrfmiddlewaretoken": token}
    ).encode()
    with opener.open(base + "/accounts/login/", data=data) as response:
        assert response.status == 200
        assert "とパスワードを入力してください" in response.read().decode()


def test_serve_answers_forty_simultaneous_connections(server) -> None:
    base, _ = server

    def fetch(_: int) -> int:
        with urllib.request.urlopen(base + "/accounts/login/", timeout=30) as response:
            return response.status

    with ThreadPoolExecutor(40) as pool:
        assert list(pool.map(fetch, range(40))) == [200] * 40



def test_twenty_parallel_wrong_guesses_evaluate_at_most_five(server) -> None:
    """The race of issue 14 across the server's workers: each guess reserves its attempt
    before the password is checked, so at most 5 of 20 simultaneous guesses are evaluated
    (200, the form again) and the rest are refused (429) unevaluated."""
    base, _ = server
    browsers = [_browser(base) for _ in range(20)]
    with ThreadPoolExecutor(20) as pool:
        codes = list(pool.map(
            lambda b: _post_login(base, b[0], b[1], "guess-target", "wrong-password"), browsers
        ))
    assert sorted(codes) == [200] * 5 + [429] * 15
    opener, token = _browser(base)
    assert _post_login(base, opener, token, "guess-target", PASSWORD) == 429
