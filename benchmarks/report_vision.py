"""Time a full 人口ビジョン report (projection, tables, charts, XLSX, HTML, PDF with the contents
numbered by a second print) for one city, with the 将来展望 section and a target population.

Usage: .venv/bin/python benchmarks/report_vision.py [AREA] [REPEATS]
Prints the wall time of each stage and of the whole report, the browser launch included.
"""

from __future__ import annotations

import sys
import tempfile
import time

from sousei.demography.scenarios import BASELINE
from sousei.reports.demo import DEMO_SCENARIO
from sousei.reports.pdf import PdfPrinter
from sousei.reports.vision import write_vision_report
from sousei.reports.vision_data import vision_data
from sousei.reports.vision_outlook import PopulationTarget, VisionOutlook
from sousei.vision.areas import data_codes
from sousei.vision.run import ProjectionRequest


def once(area: str, out: str) -> dict[str, float]:
    start = time.perf_counter()
    request = ProjectionRequest(data_codes([area]), scenarios=(BASELINE, DEMO_SCENARIO))
    (data,) = vision_data(request)
    projected = time.perf_counter()
    with PdfPrinter() as printer:
        launched = time.perf_counter()
        outlook = VisionOutlook(DEMO_SCENARIO.name, PopulationTarget(300_000, 2040))
        write_vision_report(data, out, printer, outlook=outlook)
    done = time.perf_counter()
    return {
        "projection": projected - start,
        "browser launch": launched - projected,
        "tables+charts+xlsx+pdf": done - launched,
        "total": done - start,
    }


def main() -> None:
    area = sys.argv[1] if len(sys.argv) > 1 else "久留米市"
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    runs = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(repeats):
            runs.append(once(area, out))
    for key in runs[0]:
        values = sorted(r[key] for r in runs)
        print(f"{key:24s} first {runs[0][key]:6.2f} s  best {values[0]:6.2f} s")


if __name__ == "__main__":
    main()
