"""axe-core (bundled by the axe-playwright-python package) run inside a page.

Only WCAG 2.0/2.1 A and AA rules run; a serious or critical violation fails the test with the
rule, its help text and the first offending elements, so the failure says what to fix.
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
         "resultTypes": ["violations"]}
BLOCKING = {"serious", "critical"}


def blocking_violations(page: object) -> list[str]:
    """`rule: help (selector, …)` for each serious or critical violation on the page."""
    response = Axe().run(page, options=RULES).response
    found = []
    for violation in response["violations"]:
        if violation.get("impact") in BLOCKING:
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
            found.append(f"{violation['id']}: {violation['help']} ({targets})")
    return found
