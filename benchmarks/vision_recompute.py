"""Benchmark: server time of one scenario change on the web page, with 10 scenarios on screen.

A planning user of 久留米市 (uploaded census table, 9 saved scenarios) edits the 10th in the
form; every field change posts the form to the htmx preview, which reprojects all 10 scenarios
plus the baseline and renders the comparison partial. Times the Django test client round trip
(view, projection, table, template) on an in-memory SQLite database. The shipped census and
life tables are loaded once per process, by the upload during setup, as in a running server.
Run: .venv/bin/python benchmarks/vision_recompute.py  (figures go to docs/performance.md)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

CHANGES = 200


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sousei.web.settings")
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main() -> None:
    _setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.web.personas import build_world
    from tests.web.vision_data import kurume_csv

    setup_test_environment()
    home = build_world()["home"]
    org = home.organisation.pk
    client = Client()
    client.force_login(home.users["planning"])
    with tempfile.TemporaryDirectory() as folder:
        data = kurume_csv(Path(folder))
        client.post(reverse("vision:data", args=[org]), {
            "file": SimpleUploadedFile(data.name, data.read_bytes()), "source": "国勢調査"})
    for k in range(9):
        client.post(reverse("vision:new_scenario", args=[org]), {
            "name": f"シナリオ{k + 1}", "tfr_mode": "change", "tfr_value": f"{0.05 * (k + 1):.2f}",
            "tfr_year": "2060", "mig0_ages": "10-29", "mig0_sex": "both",
            "mig0_points": f"{0.1 * k:.1f}", "migration_variant": "net_rates"})
    url = reverse("vision:preview", args=[org])

    def change(k: int) -> float:
        form = {"name": "編集中", "tfr_mode": "change", "tfr_value": f"{0.001 * k:.3f}",
                "tfr_year": "2060", "mig0_ages": "10-29", "mig0_sex": "both",
                "mig0_points": "0.5", "migration_variant": "net_rates"}
        start = time.perf_counter()
        response = client.post(url, form, HTTP_HX_REQUEST="true")
        elapsed = time.perf_counter() - start
        assert response.status_code == 200 and "編集中" in response.content.decode()
        return elapsed * 1000

    first = change(0)
    times = sorted(change(k) for k in range(1, CHANGES + 1))
    p50 = statistics.median(times)
    p95 = times[int(0.95 * len(times)) - 1]
    print(f"scenarios on screen: 10 + baseline; changes: {CHANGES}")
    print(f"first change: {first:.0f} ms")
    print(f"per change: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms")


if __name__ == "__main__":
    main()
