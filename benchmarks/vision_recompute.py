"""Benchmark: server time of one scenario change on the web page, with 10 scenarios on screen.

A planning user edits the 10th scenario in the form while 9 are saved (TFR changes, TFR points,
migration deltas, converging and zero migration); every field change posts the form to the htmx
preview, which reprojects all 10 scenarios plus the baseline and renders the comparison
partial. Two cases: 久留米市's uploaded census table (one area), and the 久留米 partnership
without an upload (2 member municipalities, each projected on its own, the sum shown). Times the
Django test client round trip (view, projection, table, template) on an in-memory SQLite
database. The shipped census and life tables are loaded once per process, during setup, as in a
running server.
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


def saved_scenario(k: int) -> dict[str, str]:
    """The 9 saved scenarios: every kind of field the form offers."""
    form = {"name": f"シナリオ{k + 1}", "mig0_ages": "10-29", "mig0_sex": "both",
            "mig0_points": f"{0.1 * k:.1f}", "migration_variant": "net_rates"}
    if k % 3 == 0:
        form.update(tfr_mode="change", tfr_value=f"{0.05 * (k + 1):.2f}", tfr_year="2060")
    elif k % 3 == 1:
        form.update(tfr_mode="points", tfr_pt0_year="2030", tfr_pt0_value="1.6",
                    tfr_pt1_year="2040", tfr_pt1_value="1.8", tfr_pt2_year="2060",
                    tfr_pt2_value=f"{1.9 + 0.01 * k:.2f}")
    else:
        form.update(tfr_mode="target", tfr_value="1.8", tfr_year="2040")
    if k % 4 == 1:
        form.update(migration_variant="converging", conv_fraction="0.5", conv_year="2040")
    elif k % 4 == 3:
        form.update(migration_variant="zero")
    return form


def measure(client, url: str, label: str) -> None:
    def change(k: int) -> float:
        form = {"name": "編集中", "tfr_mode": "points", "tfr_pt0_year": "2030",
                "tfr_pt0_value": f"{1.5 + 0.001 * k:.3f}", "tfr_pt1_year": "2060",
                "tfr_pt1_value": "2.07", "mig0_ages": "10-29", "mig0_sex": "both",
                "mig0_points": "0.5", "migration_variant": "converging",
                "conv_fraction": "0.5", "conv_year": "2040"}
        start = time.perf_counter()
        response = client.post(url, form, HTTP_HX_REQUEST="true")
        elapsed = time.perf_counter() - start
        assert response.status_code == 200 and "編集中" in response.content.decode()
        return elapsed * 1000

    first = change(0)
    times = sorted(change(k) for k in range(1, CHANGES + 1))
    p50 = statistics.median(times)
    p95 = times[int(0.95 * len(times)) - 1]
    print(f"{label}: scenarios on screen: 10 + baseline; changes: {CHANGES}")
    print(f"  first change: {first:.0f} ms")
    print(f"  per change: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms")


def measure_page(client, url: str, label: str, gets: int = 50) -> None:
    """GETs of the projection page, and the part of each spent on the IPSS figures beside the
    scenarios (``shown_ipss``: IPSS 2018 and 2023 totals and groups, cached per process)."""
    from sousei.web.vision.views import projection

    spent: list[float] = []
    original = projection.shown_ipss

    def timed_ipss(comparison):
        start = time.perf_counter()
        figures = original(comparison)
        spent.append((time.perf_counter() - start) * 1000)
        return figures

    projection.shown_ipss = timed_ipss
    try:
        times = []
        for _ in range(gets + 1):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200 and "令和5年推計" in response.content.decode()
    finally:
        projection.shown_ipss = original
    warm, ipss = sorted(times[1:]), sorted(spent[1:])
    print(f"{label}: projection page GET p50 {statistics.median(warm):.1f} ms, "
          f"p95 {warm[int(0.95 * len(warm)) - 1]:.1f} ms (first {times[0]:.0f} ms); "
          f"IPSS figures p50 {statistics.median(ipss):.3f} ms, max {ipss[-1]:.3f} ms "
          f"(first {spent[0]:.1f} ms)")


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
    world = build_world()
    home, outsider = world["home"], world["outsider"]
    for tenant in (home, outsider):
        client = Client()
        client.force_login(tenant.users["planning"])
        for k in range(9):
            response = client.post(reverse("vision:new_scenario", args=[tenant.organisation.pk]),
                                   saved_scenario(k))
            assert response.status_code == 302, response.content.decode()
    client = Client()
    client.force_login(outsider.users["planning"])
    url = reverse("vision:preview", args=[outsider.organisation.pk])
    areas = len(outsider.organisation.members.all()) or 1
    measure(client, url, f"{outsider.organisation.name} (census, {areas} area(s), no upload)")
    page = reverse("vision:projection", args=[outsider.organisation.pk])
    measure_page(client, page, f"{outsider.organisation.name}")

    client = Client()
    client.force_login(home.users["planning"])
    url = reverse("vision:preview", args=[home.organisation.pk])
    measure(client, url, f"{home.organisation.name} (census, 2 member areas, sum shown)")
    with tempfile.TemporaryDirectory() as folder:
        data = kurume_csv(Path(folder))
        client.post(reverse("vision:data", args=[home.organisation.pk]), {
            "file": SimpleUploadedFile(data.name, data.read_bytes()), "source": "国勢調査"})
    measure(client, url, "久留米市 upload (1 area)")


if __name__ == "__main__":
    main()
