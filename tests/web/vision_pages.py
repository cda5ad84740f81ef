"""Reading the comparison table back out of the page, as a user reads it."""

from __future__ import annotations

import re

ROW = re.compile(r"<tr(?: class=\"difference\")?><th scope=\"row\">(.*?)</th><td>(.*?)</td>(.*?)</tr>")
CELL = re.compile(r'<td class="num">(.*?)</td>')


def comparison_rows(html: str) -> dict[tuple[str, str], list[str]]:
    """(シナリオ, 指標) -> printed cells of the first comparison table on the page."""
    table = html.split('<table class="comparison">', 1)[1].split("</table>", 1)[0]
    rows: dict[tuple[str, str], list[str]] = {}
    scenario = ""
    for label, indicator, cells in ROW.findall(table):
        scenario = label or scenario
        rows[(scenario, indicator)] = CELL.findall(cells)
    return rows


def cli_rows(output: str) -> dict[tuple[str, str], list[str]]:
    """The same mapping from the table `sousei project` prints (the simulation table: the IPSS
    table printed after it is the page's own section)."""
    rows, scenario = {}, ""
    for line in output.splitlines():
        if line.startswith("社人研推計 "):
            break
        if not line.startswith("│"):
            continue
        cells = [cell.strip() for cell in line.strip("│").split("│")]
        scenario = cells[0] or scenario
        rows[(scenario, cells[1])] = cells[2:]
    return rows


FERTILITY = {"name": "出生率向上", "tfr_mode": "change", "tfr_value": "0.1", "tfr_year": "2060",
             "migration_variant": "net_rates"}
YOUTH = {"name": "若者定着", "mig0_ages": "10-29", "mig0_sex": "both", "mig0_points": "0.5",
         "mig0_unit": "per_year",
         "migration_variant": "net_rates"}
NOTHING = {"name": "変更なし", "migration_variant": "net_rates"}
