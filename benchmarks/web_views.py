"""Benchmark: CPU per view of the pages `web_load.py` walks, in-process, with the production settings.

Loads the demo data into a temporary SQLite file (as `web_load.py` does), logs the demo users in
and requests each page through the Django test client with the whole middleware stack (session,
CSRF, messages, authentication): the KPI pages, the strategy tree, the projection and the 現状分析
page, a save of one actual (GET the form + POST), and the login page as the floor of any request.
Prints the median CPU (process time) per request over REPEATS rounds after a warm-up round.
`--against DIR` sets up the source tree DIR/src (e.g. main's checkout) and this one in two live
subprocesses and measures them in alternating turns of a few seconds (so both see the same load
of a shared machine); it prints the best of each and the median of the turns' ratios.
`--profile KIND` prints the cProfile of REPEATS requests of one kind of page instead.

Run: .venv/bin/python benchmarks/web_views.py [--repeats 30] [--against /work/main] [--turns 12]
     [--profile kpi]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("kpi", "strategy", "projection", "現状分析", "save", "login")
AFTER_SAVE = ("kpi after save", "strategy after save")


def _setup(var: Path) -> None:
    os.environ.update(SOUSEI_VAR_DIR=str(var), SOUSEI_HTTPS="0",
                      SOUSEI_SECRET_KEY="bench-" + "k" * 60,
                      SOUSEI_ALLOWED_HOSTS="testserver",
                      DJANGO_SETTINGS_MODULE="sousei.web.production")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    with contextlib.redirect_stdout(io.StringIO()):  # the demo passwords
        call_command("load_demo", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # as `sousei serve` does


def _pages() -> dict[str, list[str]]:
    from sousei.web.strategies.models import KPI, Strategy

    strategy = Strategy.objects.order_by("pk").first()
    kpis = [k.pk for k in KPI.objects.order_by("pk") if k.strategy == strategy]
    org = strategy.organisation.pk
    year = strategy.plan_years[0]
    return {"kpi": [f"/kpis/{k}/" for k in kpis],
            "strategy": [f"/strategies/{strategy.pk}/"],
            "projection": [f"/organisations/{org}/vision/projection/"],
            "現状分析": [f"/organisations/{org}/vision/"],
            "save": [f"/kpis/{kpis[0]}/actuals/{year}/"],
            "login": ["/accounts/login/"]}


class _Visitor:
    """A planning and a committee user (as in web_load.py) taking turns, each with a session."""

    def __init__(self) -> None:
        from django.contrib.auth import get_user_model
        from django.test import Client

        users = get_user_model().objects.filter(
            username__in=["demo-planning", "demo-committee"]).order_by("username")
        self.clients = []
        for user in users:
            client = Client(enforce_csrf_checks=True)
            client.force_login(user)
            client.get("/accounts/login/")  # the CSRF cookie, as a browser would have it
            self.clients.append((user.username, client))
        self.anonymous = Client()
        self.turn = 0
        self.value = 100

    def visit(self, kind: str, path: str) -> str:
        username, client = self.clients[self.turn % len(self.clients)]
        self.turn += 1
        if kind == "login":
            response = self.anonymous.get(path)
        elif kind == "save":
            username, client = next(c for c in self.clients if c[0] == "demo-planning")
            form = client.get(path, HTTP_HX_REQUEST="true")
            version = re.search(r'name="version" value="(\d+)"', form.content.decode()).group(1)
            self.value += 1
            response = client.post(path, {"state": "number", "value": str(self.value),
                                          "note": "", "version": version},
                                   HTTP_HX_REQUEST="true",
                                   HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
        else:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{kind} {path} as {username}: {response.status_code}")
        return response.content.decode()


def dump(folder: Path) -> None:
    """Each page as each demo role sees it, CSRF tokens blanked: for diffing two code trees."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    folder.mkdir(parents=True, exist_ok=True)
    pages = _pages()
    for user in get_user_model().objects.filter(username__startswith="demo-").order_by("username"):
        client = Client()
        client.force_login(user)
        for kind in ("kpi", "strategy", "projection", "現状分析", "save"):
            for i, path in enumerate(pages[kind]):
                response = client.get(path, **({"HTTP_HX_REQUEST": "true"} if kind == "save" else {}))
                text = re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+', r"\1-",
                              response.content.decode())
                (folder / f"{user.username}-{kind}-{i}.html").write_text(
                    f"{response.status_code}\n{text}")


def _warm() -> tuple[_Visitor, dict[str, list[str]]]:
    visitor, pages = _Visitor(), _pages()
    for kind in KINDS:  # warm-up: module imports, shipped tables, template compilation
        for path in pages[kind]:
            visitor.visit(kind, path)
    return visitor, pages


def measure(repeats: int, warmed: tuple[_Visitor, dict[str, list[str]]] | None = None
            ) -> dict[str, float]:
    """Median CPU milliseconds per request of each kind (a save counts as its GET + POST).

    The pages are timed in rounds without saves between them (as most views are under
    load: 1 save to ~30 views); "kpi after save" and "strategy after save" time the first
    view of the saved KPI and of the tree right after a save (what a kept body cannot help)."""
    visitor, pages = warmed or _warm()
    samples: dict[str, list[float]] = {kind: [] for kind in (*KINDS, *AFTER_SAVE)}

    def timed(label: str, kind: str, path: str) -> None:
        started = time.process_time()
        visitor.visit(kind, path)
        samples[label].append((time.process_time() - started) * 1000)

    for _ in range(repeats):
        for kind in KINDS:
            if kind != "save":
                for path in pages[kind]:
                    timed(kind, kind, path)
    for _ in range(repeats):
        timed("save", "save", pages["save"][0])
        timed("kpi after save", "kpi", pages["kpi"][0])
        visitor.visit("save", pages["save"][0])
        timed("strategy after save", "strategy", pages["strategy"][0])
    return {kind: statistics.median(values) for kind, values in samples.items()}


def profile(kind: str, repeats: int) -> None:
    import cProfile
    import pstats

    visitor, pages = _Visitor(), _pages()
    for path in pages[kind]:
        visitor.visit(kind, path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeats):
        for path in pages[kind]:
            visitor.visit(kind, path)
    profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(45)
    stats.sort_stats("tottime").print_stats(30)


def _rounds_on_request(repeats: int) -> None:
    """A child of `--against`: set up, say "ready", then one measurement per line read."""
    warmed = _warm()
    print("ready", flush=True)
    for _ in sys.stdin:
        print(json.dumps(measure(repeats, warmed)), flush=True)


def _against(reference: Path, repeats: int, turns: int) -> None:
    """Both trees set up side by side in live children, then measured in turns (ABBA...):
    each turn is a few seconds, so both see the same load of this shared machine, and the
    ratio of each pair is taken before the median of the ratios."""
    load = os.getloadavg()
    trees = {"reference": reference / "src", "this": ROOT / "src"}
    children = {name: subprocess.Popen(
        [sys.executable, __file__, "--repeats", str(repeats), "--on-request"],
        env={**os.environ, "PYTHONPATH": str(src)}, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True) for name, src in trees.items()}
    for child in children.values():
        while child.stdout.readline().strip() != "ready":
            pass
    rounds: dict[str, list[dict[str, float]]] = {"reference": [], "this": []}
    for turn in range(turns):
        order = ("reference", "this") if turn % 2 == 0 else ("this", "reference")
        for name in order:
            children[name].stdin.write("go\n")
            children[name].stdin.flush()
            rounds[name].append(json.loads(children[name].stdout.readline()))
    for child in children.values():
        child.stdin.close()
        child.wait()
    print(f"CPU ms per request, {turns} turns (ABBA) of {repeats} rounds each: best of each "
          f"tree and the median of the turns' ratios; load average {load[0]:.2f} before, "
          f"{os.getloadavg()[0]:.2f} after")
    print(f"{'page':<20}{'reference':>10}{'this':>8}{'ratio':>7}")
    for kind in (*KINDS, *AFTER_SAVE):
        ref = min(r[kind] for r in rounds["reference"])
        this = min(r[kind] for r in rounds["this"])
        ratio = statistics.median(t[kind] / r[kind]
                                  for r, t in zip(rounds["reference"], rounds["this"], strict=True))
        print(f"{kind:<20}{ref:>10.1f}{this:>8.1f}{ratio:>7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--against", type=Path, help="a checkout to compare (its src/ is used)")
    parser.add_argument("--profile", choices=KINDS)
    parser.add_argument("--dump", type=Path, help="write each page as each role sees it here")
    parser.add_argument("--turns", type=int, default=12, help="turns of each tree (--against)")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--on-request", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.against:
        _against(args.against, args.repeats, args.turns)
        return
    with tempfile.TemporaryDirectory(prefix="sousei-views.") as var:
        _setup(Path(var))
        if args.dump:
            dump(args.dump)
            return
        if args.profile:
            profile(args.profile, args.repeats)
            return
        if args.on_request:
            _rounds_on_request(args.repeats)
            return
        result = measure(args.repeats)
    if args.json:
        print(json.dumps(result))
    else:
        for kind, value in result.items():
            print(f"{kind:<20}{value:>8.1f} ms")


if __name__ == "__main__":
    main()
