"""Several server processes writing one SQLite file wait for each other instead of failing.

Each transaction reads and then writes (as saving an actual does: fetch, check, save, audit).
In SQLite's default deferred mode two such transactions deadlock on the upgrade from read to
write and one fails at once with "database is locked", whatever the busy timeout; the
settings' IMMEDIATE mode takes the write lock at BEGIN, so the second one waits.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")
PROCESSES, TRANSACTIONS = 4, 25

WRITER = """
import os, sys, django
django.setup()
from django.db import connection, transaction
from sousei.web.accounts.models import Organisation
failures = 0
for i in range(int(sys.argv[2])):
    try:
        with transaction.atomic():
            Organisation.objects.filter(kind="municipality").count()
            Organisation.objects.create(kind="municipality", name=f"w{sys.argv[1]}-{i}")
    except Exception as error:
        failures += 1
        print(type(error).__name__, error, file=sys.stderr)
print(failures, connection.cursor().execute("PRAGMA journal_mode").fetchone()[0])
"""


def _env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOUSEI_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(
        SOUSEI_VAR_DIR=str(var_dir), PYTHONPATH=SRC,
        DJANGO_SETTINGS_MODULE="sousei.web.settings",
    )
    return env


@pytest.mark.slow
def test_parallel_read_then_write_transactions_all_succeed(tmp_path) -> None:
    env = _env(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "sousei.web", "migrate", "--noinput", "-v0"],
        env=env, check=True, timeout=180,
    )
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(n), str(TRANSACTIONS)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n in range(PROCESSES)
    ]
    results = [w.communicate(timeout=180) for w in writers]
    for out, err in results:
        failures, mode = out.split()
        assert (failures, mode) == ("0", "wal"), err
    count = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); "
         "from sousei.web.accounts.models import Organisation as O; print(O.objects.count())"],
        env=env, capture_output=True, text=True, check=True, timeout=60,
    ).stdout.strip()
    assert int(count) == PROCESSES * TRANSACTIONS
