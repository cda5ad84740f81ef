"""Benchmark: server time of the report downloads of the web app (built in the request).

A planning user of the 久留米市 partnership (two saved scenarios, a 将来展望 choice, two committee
comments) downloads 人口ビジョン(Excel)/(PDF) of 久留米市 and 進捗報告書(Excel)/(PDF) of the
strategy. Times the Django test client round trip (access check, projection, tables, charts,
XLSX or PDF with a browser launched per request) on an in-memory SQLite database, after one
warm-up download that loads the shipped tables as a running server would have.
Run: .venv/bin/python benchmarks/report_download.py [REPEATS]  (figures go to docs/performance.md)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

REPEATS = int(sys.argv[1]) if len(sys.argv) > 1 else 3


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sousei.web.settings")
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main() -> None:
    _setup()
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.web.personas import build_world

    from sousei.web.strategies.models import Comment
    from sousei.web.vision.models import SavedScenario, VisionChoice

    setup_test_environment()
    home = build_world()["home"]
    org = home.organisation
    first = SavedScenario.objects.create(organisation=org, name="出生率向上", mapping={
        "name": "出生率向上", "tfr": {"change": 0.1, "by": 2060}})
    SavedScenario.objects.create(organisation=org, name="若者定着", mapping={
        "name": "若者定着", "migration": [{"ages": "10-29", "sex": "both", "change_points": 0.5}]})
    VisionChoice.objects.create(organisation=org, scenario=first)
    for body in ("来場者の満足度も把握してください。", "就農者の定着率も見てください。"):
        Comment.objects.create(author=home.users["committee"], kpi=home.kpi, body=body)
    client = Client()
    client.force_login(home.users["planning"])
    urls = {
        "人口ビジョン(Excel)": reverse("vision:report", args=[org.pk, "xlsx"]) + "?area=40203",
        "人口ビジョン(PDF)": reverse("vision:report", args=[org.pk, "pdf"]) + "?area=40203",
        "進捗報告書(Excel)": reverse("strategies:report", args=[home.strategy.pk, "xlsx"]),
        "進捗報告書(PDF)": reverse("strategies:report", args=[home.strategy.pk, "pdf"]),
    }

    def get(url: str) -> float:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - start
        assert response.status_code == 200, response.status_code
        return elapsed

    warm = get(urls["人口ビジョン(Excel)"])
    print(f"warm-up (shipped tables loaded): {warm:.2f} s")
    for label, url in urls.items():
        times = sorted(get(url) for _ in range(REPEATS))
        print(f"{label:16s} best {times[0]:5.2f} s  median {times[len(times) // 2]:5.2f} s")


if __name__ == "__main__":
    main()
