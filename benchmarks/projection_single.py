"""Benchmark: one municipality x 10 scenarios to 2060, as the CLI and the web page ask for it.

Prints the cold time (first call: shipped tables read and parsed) and the warm times (tables
cached in the process, as in a running web server), p50 and p95 over 30 calls.
"""

from __future__ import annotations

import time

import numpy as np

from sousei.demography.scenarios import BASELINE, MigrationDelta, Scenario, TfrPath
from sousei.vision.run import ProjectionRequest, run_projection

SCENARIOS = (
    BASELINE,
    *tuple(
        Scenario(
            f"s{k}",
            tfr=TfrPath(((2060, 0.05 * k),)),
            migration=(MigrationDelta(10, 29, 0.001 * k),),
        )
        for k in range(1, 10)
    ),
)


def main() -> None:
    request = ProjectionRequest(("40203",), 2015, 2060, SCENARIOS)
    start = time.perf_counter()
    run_projection(request)
    cold = time.perf_counter() - start
    warm = []
    for _ in range(30):
        start = time.perf_counter()
        run_projection(request)
        warm.append(time.perf_counter() - start)
    print(
        f"久留米市 x {len(SCENARIOS)} scenarios, 2015 -> 2060: cold {cold:.2f} s; "
        f"warm p50 {1000 * np.percentile(warm, 50):.0f} ms, p95 {1000 * np.percentile(warm, 95):.0f} ms"
    )


if __name__ == "__main__":
    main()
