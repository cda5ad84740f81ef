"""Benchmark: `sousei serve` under 50 browsing users and 5 users saving actuals (loopback only).

Starts the production server (gunicorn) on 127.0.0.1 with the demo data in a temporary var/
(SQLite) or in a throwaway PostgreSQL cluster (Debian's package, as scripts/pg-test.sh), logs
every user in through the real login form, then for a bounded time: BROWSERS threads walk the
KPI pages, the strategy tree and the vision pages with no think time, SAVERS threads each
re-enter one actual (GET the form for its version, POST a new value). Prints per kind of page
the count, errors, p50/p95/max, the rate reached and the server CPU per request (utime+stime
of the gunicorn processes from /proc). Bounded: at most 120 s, 100 users, loopback only.

Run: .venv/bin/python benchmarks/web_load.py [--database sqlite|postgres] [--seconds 60]
     [--browsers 50] [--savers 5] [--workers N]      (figures go to docs/performance.md)
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "load-benchmark-password-2026"
FAILURES: dict[str, int] = defaultdict(int)  # connection-level failures by exception
SETUP = """
import json, os
PASSWORD = os.environ["SOUSEI_BENCH_PASSWORD"]
from django.contrib.auth import get_user_model
from sousei.web.strategies.models import KPI, Strategy
for user in get_user_model().objects.filter(username__startswith="demo-"):
    user.set_password(PASSWORD); user.save()
strategy = Strategy.objects.order_by("pk").first()
kpis = [k.pk for k in KPI.objects.order_by("pk") if k.strategy == strategy]
organisations = [strategy.organisation.pk]  # the demo users belong to the partnership
print(json.dumps({"strategy": strategy.pk, "kpis": kpis, "organisations": organisations,
                  "years": list(strategy.plan_years)}))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def _postgres():
    """A throwaway cluster under the temporary directory; yields its DATABASE_URL."""
    bindir = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
    root = Path(tempfile.mkdtemp(prefix="sousei-pgload."))
    run = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if run:
        shutil.chown(root, "postgres")
    port = _free_port()
    subprocess.run([*run, bindir / "initdb", "-D", root / "data", "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
    subprocess.run([*run, bindir / "pg_ctl", "-D", root / "data", "-l", root / "log", "-w", "-o",
                    f"-p {port} -k {root} -c listen_addresses=127.0.0.1", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgres://postgres@127.0.0.1:{port}/sousei"
    finally:
        subprocess.run([*run, bindir / "pg_ctl", "-D", root / "data", "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def _environment(var: Path, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOUSEI_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(SOUSEI_VAR_DIR=str(var), PYTHONPATH=str(ROOT / "src"), SOUSEI_HTTPS="0")
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _prepare(env: dict[str, str]) -> dict:
    manage = [sys.executable, "-m", "sousei.web"]
    if "DATABASE_URL" in env:
        import psycopg

        server = env["DATABASE_URL"].rsplit("/", 1)[0]
        with psycopg.connect(server + "/postgres", autocommit=True) as admin:
            admin.execute("CREATE DATABASE sousei")
    for args in (["migrate", "--noinput", "-v0"], ["load_demo"]):
        subprocess.run([*manage, *args], env=env, check=True, capture_output=True, timeout=600)
    out = subprocess.run([*manage, "shell", "-c", SETUP],
                         env={**env, "SOUSEI_BENCH_PASSWORD": PASSWORD}, check=True,
                         capture_output=True, text=True, timeout=300).stdout
    return json.loads(out.strip().splitlines()[-1])


class Session:
    """One user's keep-alive connection with its cookies (session and CSRF)."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None,
                headers: dict | None = None) -> tuple[int, str]:
        head = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
                **(headers or {})}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            head.update({"Content-Type": "application/x-www-form-urlencoded",
                         "X-CSRFToken": self.cookies.get("csrftoken", "")})
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=head)
                response = self.connection.getresponse()
                text = response.read().decode("utf-8", "replace")
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as error:
                # The server closed an idle keep-alive connection: a browser reconnects and
                # sends again, and so does this client (once; counted, not an error).
                self.connection.close()
                if attempt == 2:
                    FAILURES[type(error).__name__] += 1
                    return 0, ""
                FAILURES["reconnected"] += 1
            except (OSError, http.client.HTTPException) as error:
                self.connection.close()
                FAILURES[type(error).__name__] += 1
                return 0, ""
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, text

    def login(self, username: str) -> None:
        self.request("GET", "/accounts/login/")
        status, _ = self.request("POST", "/accounts/login/", {
            "username": username, "password": PASSWORD,
            "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")})
        if status != 302:
            raise SystemExit(f"login of {username} failed with {status}")


def _pages(ids: dict) -> list[tuple[str, str]]:
    org = ids["organisations"][0]
    pages = [("kpi", f"/kpis/{k}/") for k in ids["kpis"]]
    pages += [("strategy", f"/strategies/{ids['strategy']}/"),
              ("vision", f"/organisations/{org}/vision/projection/"),
              ("vision", f"/organisations/{org}/vision/")]
    return pages


def _browse(session: Session, pages, stop: float, log: list) -> None:
    i = hash(threading.get_ident()) % len(pages)
    while time.monotonic() < stop:
        kind, path = pages[i % len(pages)]
        started = time.perf_counter()
        status, _ = session.request("GET", path)
        log.append((kind, status, time.perf_counter() - started))
        i += 1


def _save(session: Session, kpi: int, year: int, stop: float, log: list) -> None:
    path = f"/kpis/{kpi}/actuals/{year}/"
    value = 100
    while time.monotonic() < stop:
        started = time.perf_counter()
        status, form = session.request("GET", path, headers={"HX-Request": "true"})
        match = re.search(r'name="version" value="(\d+)"', form)
        version = match.group(1) if match else "0"
        value += 1
        status2, _ = session.request("POST", path, {"state": "number", "value": str(value),
                                                   "note": "", "version": version},
                                     headers={"HX-Request": "true"})
        log.append(("save", status if status != 200 else status2,
                    time.perf_counter() - started))


def _cpu_seconds(root_pid: int) -> tuple[float, float]:
    """(utime, stime) of the server and its workers: Python and C in the server's own code,
    and the kernel's share (sockets, futexes of the threads' GIL hand-offs, page faults)."""
    ticks = os.sysconf("SC_CLK_TCK")
    user = system = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if root_pid in (pid, ppid):
            user += int(fields[11]) / ticks
            system += int(fields[12]) / ticks
    return user, system


def _database_cpu() -> float:
    """utime + stime of every PostgreSQL process (the cluster's backends serve these requests
    on the same two cores; 0 with SQLite, which runs inside the workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        if text.split("(", 1)[1].startswith("postgres)"):
            fields = text.rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(q * len(ordered)), len(ordered) - 1)] if ordered else float("nan")


def _report(log: list, seconds: float, cpu: tuple[float, float], client: float, database: float,
            args, load: tuple) -> None:
    by_kind: dict[str, list] = defaultdict(list)
    for kind, status, elapsed in log:
        by_kind[kind].append((status, elapsed))
    print(f"database {args.database}, {args.browsers} browsers + {args.savers} savers, "
          f"{seconds:.0f} s, workers {args.workers or 'default'}, load average before "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"{'page':<9}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'per s':>8}")
    for kind in ("kpi", "strategy", "vision", "save"):
        rows = by_kind.get(kind, [])
        times = [e * 1000 for _, e in rows]
        errors = sum(1 for s, _ in rows if s != 200)
        print(f"{kind:<9}{len(rows):>9}{errors:>8}{_percentile(times, .5):>9.0f}"
              f"{_percentile(times, .95):>9.0f}{max(times, default=0):>9.0f}"
              f"{len(rows) / seconds:>8.1f}")
    requests = len(log) + sum(1 for kind, _, _ in log if kind == "save")  # a save is GET + POST
    errors = sum(1 for _, s, _ in log if s != 200)
    statuses = defaultdict(int)
    for kind, status, _ in log:
        if status != 200:
            statuses[f"{kind} {status}"] += 1
    if statuses:
        print("errors by page and status:", dict(statuses))
    print("connections:", dict(FAILURES) or "no reconnection")
    per = 1000 / max(requests, 1)
    print(f"total {requests} requests, {errors} errors, {requests / seconds:.1f} requests/s, "
          f"server CPU {sum(cpu):.1f} s = {per * sum(cpu):.1f} ms per request "
          f"(user {per * cpu[0]:.1f}, system {per * cpu[1]:.1f}); "
          f"this client {per * client:.1f} ms per request"
          + (f"; PostgreSQL {per * database:.1f} ms per request" if database else ""))


def run(args, database_url: str | None) -> None:
    var = Path(tempfile.mkdtemp(prefix="sousei-load."))
    env = _environment(var, database_url)
    ids = _prepare(env)
    port = _free_port()
    command = [sys.executable, "-c", "import sys; from sousei.cli import main; main()", "serve",
               "--host", "127.0.0.1", "--port", str(port), "--no-migrate"]
    if args.workers:
        command += ["--workers", str(args.workers)]
    server_log = (var / "server.log").open("w")
    server = subprocess.Popen(command, env=env, cwd=var, stdout=server_log, stderr=server_log)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        browsers = [Session(port) for _ in range(args.browsers)]
        savers = [Session(port) for _ in range(args.savers)]
        for i, session in enumerate(browsers):
            session.login("demo-planning" if i % 2 else "demo-committee")
        for session in savers:
            session.login("demo-planning")
        log: list = []
        pages = _pages(ids)
        load = os.getloadavg()
        cpu_before, client_before = _cpu_seconds(server.pid), time.process_time()
        database_before = _database_cpu()
        started = time.monotonic()
        stop = started + args.seconds
        threads = [threading.Thread(target=_browse, args=(s, pages, stop, log)) for s in browsers]
        # Each saver its own (KPI, fiscal year): saves wait for the database, never conflict.
        slots = [(k, y) for y in ids["years"] for k in ids["kpis"]]
        threads += [threading.Thread(target=_save, args=(s, *slots[i], stop, log))
                    for i, s in enumerate(savers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        cpu_after, client = _cpu_seconds(server.pid), time.process_time() - client_before
        cpu = (cpu_after[0] - cpu_before[0], cpu_after[1] - cpu_before[1])
        _report(log, elapsed, cpu, client, _database_cpu() - database_before, args, load)
        problems = [line for line in (var / "server.log").read_text().splitlines()
                    if "error" in line.lower() or "timeout" in line.lower()]
        if problems:
            print("server log:", *problems[:10], sep="\n  ")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(var, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--browsers", type=int, default=50)
    parser.add_argument("--savers", type=int, default=5)
    parser.add_argument("--workers", type=int, default=0)
    args = parser.parse_args()
    args.seconds = min(args.seconds, 120)
    args.browsers, args.savers = min(args.browsers, 100), min(args.savers, 20)
    if args.database == "postgres":
        with _postgres() as url:
            run(args, url)
    else:
        run(args, None)


if __name__ == "__main__":
    main()
