"""A server process killed in the middle of importing a strategy leaves nothing of it behind
(SQLite and PostgreSQL): the import is one transaction, and the next process finds the
database whole and imports the same strategy (the demo's, stored as `load_demo` does)
completely."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

IMPORT = """
import os, sys, time
from pathlib import Path
import django
django.setup()
import sousei.web.strategies.convert as convert
from sousei.web.accounts.models import Organisation
from sousei.web.strategies.demo_content import demo_strategy

organisation, _ = Organisation.objects.get_or_create(kind="partnership", name="久留米広域")
strategy = demo_strategy()
marker, stop_after = Path(sys.argv[1]), int(sys.argv[2])
real, created = convert.create_audited, [0]

def create_then_maybe_hang(*args, **kwargs):
    row = real(*args, **kwargs)
    created[0] += 1
    if created[0] == stop_after:
        marker.write_text("inside the import")
        time.sleep(600)  # killed here
    return row

convert.create_audited = create_then_maybe_hang
convert.from_core(None, organisation, strategy)
print(created[0])
"""

COUNT = """
import django
django.setup()
from sousei.web.audit.models import Event
from sousei.web.strategies.models import KPI, Strategy
print(Strategy.objects.count(), KPI.objects.count(), Event.objects.count())
"""


@contextmanager
def _database(kind: str, tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOUSEI_", "DJANGO_"))}
    env.update(PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{ROOT}", SOUSEI_VAR_DIR=str(tmp_path),
               DJANGO_SETTINGS_MODULE="sousei.web.settings")
    if kind == "sqlite":
        env.pop("DATABASE_URL", None)
        yield env
        return
    import psycopg

    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    name = f"sousei_kill_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server + "/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield {**env, "DATABASE_URL": f"{server}/{name}"}
    finally:
        with psycopg.connect(server + "/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _python(env: dict[str, str], code: str, *args: str) -> str:
    return subprocess.run([sys.executable, "-c", code, *args], env=env, check=True,
                          capture_output=True, text=True, timeout=300).stdout.strip()


@pytest.mark.slow
@pytest.mark.parametrize("kind", [
    "sqlite",
    pytest.param("postgres", marks=pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL (scripts/pg-test.sh)")),
])
def test_an_import_killed_halfway_leaves_nothing(kind: str, tmp_path: Path) -> None:
    marker = tmp_path / "inside"
    with _database(kind, tmp_path) as env:
        subprocess.run([sys.executable, "-m", "sousei.web", "migrate", "--noinput", "-v0"],
                       env=env, check=True, timeout=300)
        importer = subprocess.Popen([sys.executable, "-c", IMPORT, str(marker), "40"], env=env, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert importer.poll() is None, importer.stderr.read() if importer.stderr else ""
            assert time.monotonic() < deadline, "the import never reached its 40th row"
            time.sleep(0.1)
        os.kill(importer.pid, signal.SIGKILL)  # as the OOM killer or a power cut would
        importer.wait(timeout=30)
        assert _python(env, COUNT) == "0 0 0"
        # The database is whole: the same import, not interrupted, stores everything.
        created = int(_python(env, IMPORT, str(tmp_path / "never"), "0"))
        strategies, kpis, events = map(int, _python(env, COUNT).split())
        assert strategies == 1 and kpis > 0
        assert events == created > 40
