"""Work done once in the server's master process before the workers are forked.

Without it every gunicorn worker paid, on its first request, the import of every view
module (pandas, the projection engine, the report code) and the parsing of the shipped
census, IPSS, HMD, 住基 and merger tables: ~2-3 s per worker, seen by the first users as 30 s
pages when five workers did it at once under load. Done before forking, the workers share
the loaded modules and tables copy-on-write. A failure here is logged, never fatal: the
workers would then load the same things on demand.
"""

from __future__ import annotations

import logging
import time

log = logging.getLogger("sousei.web.warmup")


def warm() -> float:
    """Import the URLconf with every view, and parse the shipped reference tables."""
    started = time.perf_counter()
    try:
        from django.urls import get_resolver

        get_resolver().url_patterns  # noqa: B018 - imports every view module
        from sousei.io.reference.mergers import changes_of
        from sousei.vision import inputs
        from sousei.vision.areas import ipss_totals
        from sousei.vision.juki_series import juki_resident_totals
        from sousei.vision.mortality import survival_known_at

        regions = inputs.census_regions()
        changes_of(regions[0])
        survival_known_at(2015)
        ipss_totals([regions[0]])
        inputs.census_history([regions[0]])
        # The 18 shipped 住基 tables of the 現状分析 page: 3 s to parse. Left to the workers,
        # 50 users arriving at once had 20 threads parse them together and waited 60 s.
        juki_resident_totals([regions[0]])
    except Exception:  # the workers load on demand instead
        log.exception("warm-up failed; workers will load the reference data themselves")
    from django.db import connections

    connections.close_all()  # no worker may inherit a connection of the master
    return time.perf_counter() - started
