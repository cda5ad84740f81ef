"""A partnership planner opens the roll-up of its shared projects from the home page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_rollup_from_home(people, sign_in, live_server) -> None:
    page = sign_in("home-planning")
    page.goto(f"{live_server.url}/")
    page.click("text=連携事業の事業費とKPIを集計する")
    page.wait_for_selector("h1:has-text('連携事業の集計')")
    footer = page.locator("#budgets tfoot").inner_text()
    assert "2,400" in footer and "2,350" in footer  # personas: FY2022 and FY2023 budgets
    assert page.locator("h3").all_inner_texts() == ["久留米市", "連携市町"]
    first = page.locator("table.partner-kpis").first.inner_text()
    assert "出展の調整" in first and "物産展の来場者数" in first
