"""Backups: dump -> load -> dump gives the same bytes; loading is all or nothing; one
organisation's dump holds only its records; and a dump moves between SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sousei.web.accounts.models import Membership, Organisation
from sousei.web.audit.models import Event
from sousei.web.strategies.models import Strategy

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _demo() -> None:
    call_command("load_demo", stdout=StringIO())


def _records(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["objects"]


@pytest.mark.django_db(transaction=True)
def test_dump_load_dump_is_byte_identical(tmp_path: Path) -> None:
    _demo()
    first = tmp_path / "first.json"
    call_command("dump", str(first), stdout=StringIO())
    counts = (Organisation.objects.count(), Event.objects.count(), Strategy.objects.count())
    assert min(counts) > 0
    call_command("flush", interactive=False, verbosity=0)
    assert Organisation.objects.count() == 0
    call_command("load", str(first), stdout=StringIO())
    assert (Organisation.objects.count(), Event.objects.count(),
            Strategy.objects.count()) == counts
    second = tmp_path / "second.json"
    call_command("dump", str(second), stdout=StringIO())
    assert second.read_bytes() == first.read_bytes()
    # New rows after a load get fresh keys (PostgreSQL's sequences were moved on).
    Organisation.objects.create(kind="municipality", name="新しい町", code="40999")


@pytest.mark.django_db(transaction=True)
def test_load_refuses_a_database_with_data_and_changes_nothing(tmp_path: Path) -> None:
    _demo()
    path = tmp_path / "dump.json"
    call_command("dump", str(path), stdout=StringIO())
    before = Event.objects.count()
    with pytest.raises(CommandError, match="すでにデータがあります"):
        call_command("load", str(path), stdout=StringIO())
    assert Event.objects.count() == before
    (tmp_path / "other.json").write_text('{"objects": []}', encoding="utf-8")
    with pytest.raises(CommandError, match="dump のファイルではありません"):
        call_command("load", str(tmp_path / "other.json"))


@pytest.mark.django_db(transaction=True)
def test_a_broken_record_leaves_nothing_loaded(tmp_path: Path) -> None:
    _demo()
    path = tmp_path / "dump.json"
    call_command("dump", str(path), stdout=StringIO())
    document = json.loads(path.read_text(encoding="utf-8"))
    # The last record names a parent that does not exist: the whole load must roll back.
    last = document["objects"][-1]
    key = next(k for k, v in last["fields"].items() if isinstance(v, int) and k != "version")
    last["fields"][key] = 10**9
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(Exception):  # noqa: B017 - integrity errors differ by database
        call_command("load", str(path), stdout=StringIO())
    assert Organisation.objects.count() == 0 and Event.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_one_organisations_dump_holds_only_its_records(world, tmp_path: Path) -> None:
    home, outsider = world["home"], world["outsider"]
    path = tmp_path / "home.json"
    call_command("dump", str(path), "--organisation", home.organisation.code, stdout=StringIO())
    records = _records(path)
    organisations = {r["pk"] for r in records if r["model"] == "accounts.organisation"}
    assert home.organisation.pk in organisations and outsider.organisation.pk not in organisations
    users = {r["fields"]["username"] for r in records if r["model"] == "auth.user"}
    assert users == set(Membership.objects.filter(organisation=home.organisation)
                        .values_list("user__username", flat=True))
    strategies = {r["pk"] for r in records if r["model"] == "strategies.strategy"}
    assert strategies == {home.strategy.pk}
    with pytest.raises(CommandError, match="99999"):
        call_command("dump", str(path), "--organisation", "99999")


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "sousei.web", *args], env=env, check=True,
                   capture_output=True, text=True, timeout=300)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                    reason="needs PostgreSQL (scripts/pg-test.sh)")
def test_a_sqlite_dump_loads_into_postgresql_and_dumps_the_same(tmp_path: Path) -> None:
    import psycopg

    base = {k: v for k, v in os.environ.items() if not k.startswith(("SOUSEI_", "DJANGO_"))}
    base.update(PYTHONPATH=SRC, SOUSEI_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="sousei.web.settings")
    sqlite = {k: v for k, v in base.items() if k != "DATABASE_URL"}
    _manage(sqlite, "migrate", "--noinput", "-v0")
    _manage(sqlite, "load_demo")
    _manage(sqlite, "dump", str(tmp_path / "sqlite.json"))
    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    name = f"sousei_backup_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server + "/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        postgres = {**base, "DATABASE_URL": f"{server}/{name}"}
        _manage(postgres, "migrate", "--noinput", "-v0")
        _manage(postgres, "load", str(tmp_path / "sqlite.json"))
        _manage(postgres, "dump", str(tmp_path / "postgres.json"))
    finally:
        with psycopg.connect(server + "/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    assert (tmp_path / "postgres.json").read_bytes() == (tmp_path / "sqlite.json").read_bytes()
