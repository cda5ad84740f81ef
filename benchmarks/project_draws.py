"""Benchmark: `sousei project --all --draws 1000` (2015 -> 2045) through Dask, against one run.

Prints the wall time of the probabilistic run of every municipality on Dask's local threaded
scheduler (the CLI's default), and as a ratio to the reference measured in the same process:
the deterministic baseline of every municipality (what `sousei project --all` computes).
A ratio near the number of draws means a draw costs what a whole run costs; far below it means
the draws ride on the engine's scenario axis. Results go to docs/performance.md.
Usage: python benchmarks/project_draws.py [DRAWS] [SCHEDULER_ADDRESS]
"""

from __future__ import annotations

import os
import sys
import time

from sousei.vision.areas import data_codes
from sousei.vision.draws import DrawRequest, draws_with_dask
from sousei.vision.run import ProjectionRequest, _census_estimate, run_projection


def reference(codes: tuple[str, ...]) -> tuple[float, float]:
    """The deterministic baseline of every municipality: with its census estimate (as a
    fresh `sousei project --all` run, shipped tables already read) and the projection alone."""
    run_projection(ProjectionRequest(codes, 2015, 2045))  # warm: shipped tables read
    _census_estimate.cache_clear()
    started = time.perf_counter()
    run_projection(ProjectionRequest(codes, 2015, 2045))
    with_estimate = time.perf_counter() - started
    started = time.perf_counter()
    run_projection(ProjectionRequest(codes, 2015, 2045))
    return with_estimate, time.perf_counter() - started


def main() -> None:
    draws = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    scheduler = sys.argv[2] if len(sys.argv) > 2 else None
    codes = data_codes(every=True)
    request = DrawRequest(codes, 2015, 2045, draws=draws, seed=0)
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")
    print(f"{len(codes)} municipalities x {draws} draws, {len(request.chunks())} chunks of "
          f"{request.chunk_size()} regions")
    with_estimate, projection_only = reference(codes)
    _census_estimate.cache_clear()  # the draws estimate per chunk, as a fresh CLI run does
    cpu, started = time.process_time(), time.perf_counter()
    summary = draws_with_dask(request, scheduler)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"reference, one deterministic run of all: {with_estimate:.2f} s with the census "
          f"estimate, {projection_only:.3f} s the projection alone")
    print(f"draws: {elapsed:.1f} s wall ({cpu:.1f} s CPU of this process) = "
          f"{elapsed / with_estimate:.0f} x the run with its estimate, "
          f"{elapsed / projection_only:.0f} x the projection alone; "
          f"{1000 * elapsed / draws:.0f} ms per draw of every municipality")
    print(f"summary shape {summary.shape}, load average after {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
