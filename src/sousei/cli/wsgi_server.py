"""The application server behind `sousei serve`: gunicorn workers, or waitress threads.

Django's development server handles each request on a new thread with a new database
connection and no limit, which is what made 40 simultaneous browsers see resets and
PostgreSQL run out of connections. Here the number of workers and threads is fixed, so the
connections to the database are at most workers x threads.
"""

from __future__ import annotations

import os
import sys
from typing import Any

THREADS_PER_WORKER = 4
# Report and PDF downloads can take tens of seconds; anything longer is a stuck worker.
TIMEOUT_SECONDS = 120


def worker_count(requested: int = 0) -> int:
    """`requested`, else SOUSEI_WORKERS, else one worker per CPU (at least 2, at most 8).

    gunicorn's usual advice (2 x CPUs + 1) is for workers that wait on I/O; sousei's pages are
    CPU-bound Python and each worker already has 4 threads for the waits (PDF printing, the
    database). Measured on 2 cores under benchmarks/web_load.py (docs/performance.md): 2
    workers served 165-185 requests/s at 10-12 ms of CPU each, 5 workers 123-144 at 13-16 ms.
    """
    if requested > 0:
        return requested
    from_env = os.environ.get("SOUSEI_WORKERS", "")
    if from_env.isdigit() and int(from_env) > 0:
        return int(from_env)
    return min(max(os.cpu_count() or 1, 2), 8)


def run(host: str, port: int, workers: int, server: str = "auto") -> None:
    """Serve `sousei.web.wsgi` until interrupted; the database connections of the caller
    (migrate, collectstatic) are closed first so that no worker inherits one."""
    from django.db import connections

    connections.close_all()
    if server == "auto":
        server = "waitress" if sys.platform == "win32" else "gunicorn"
    if server == "gunicorn":
        _gunicorn(host, port, workers)
    elif server == "waitress":
        _waitress(host, port, workers)
    else:
        raise SystemExit(f"sousei: 不明なサーバー {server!r} (auto / gunicorn / waitress)")


def _gunicorn(host: str, port: int, workers: int) -> None:
    from gunicorn.app.base import BaseApplication

    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    class _Application(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            options: dict[str, Any] = {
                "bind": [bind],
                "workers": workers,
                "worker_class": "gthread",
                "threads": THREADS_PER_WORKER,
                "timeout": TIMEOUT_SECONDS,
                "graceful_timeout": 10,
                "keepalive": 5,  # seconds an idle browser connection stays open
                "preload_app": True,
                "proc_name": "sousei",
                "errorlog": "-",
                "loglevel": "warning",
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            from sousei.web.warmup import warm
            from sousei.web.wsgi import application

            warm()  # preload_app: in the master, before the workers are forked
            return application

    _Application().run()


def _waitress(host: str, port: int, workers: int) -> None:
    import waitress

    from sousei.web.warmup import warm
    from sousei.web.wsgi import application

    warm()
    waitress.serve(application, host=host, port=port, threads=workers * THREADS_PER_WORKER)
