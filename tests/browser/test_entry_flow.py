"""A department user enters an actual inline (htmx); the grade and the goal dashboard follow.

Fixture KPI: level target 1,000人 (R8), actual 700 in FY2022 (70.0% △). Entering 820 for
FY2023 makes it 82.0% ○, and the goal's dashboard then counts ○ 1 (100%).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _open_form(page, fiscal_year_label: str) -> None:
    page.locator("table.actuals tr", has_text=fiscal_year_label).get_by_role(
        "button", name="入力").click()
    page.wait_for_selector("tr.editing input[name=value]")


def test_entry_updates_grade_and_dashboard(people, sign_in, live_server) -> None:
    home = people["home"]
    page = sign_in("home-department")
    page.goto(f"{live_server.url}/kpis/{home.kpi.pk}/")
    assert "△" in page.inner_text(".grade-symbol")

    _open_form(page, "令和5年度")
    page.fill("tr.editing input[name=value]", "たくさん")
    page.click("tr.editing button[type=submit]")
    page.wait_for_selector("text=実績値「たくさん」は数値として読めません")

    page.fill("tr.editing input[name=value]", "820")
    page.click("tr.editing button[type=submit]")
    page.wait_for_selector("text=令和5年度の実績値を保存しました")
    assert page.inner_text(".grade-symbol") == "○"
    assert "82.0%" in page.inner_text("#kpi-results")
    assert page.url.endswith(f"/kpis/{home.kpi.pk}/")  # swapped in place, no reload

    page.goto(f"{live_server.url}/goals/{home.goal.pk}/")
    summary = page.inner_text("table.summary")
    assert "1（100%）" in summary  # ○ one of one graded KPI
    assert "令和5年度時点" in page.inner_text("main")


def test_pending_state_is_entered_without_a_number(people, sign_in, live_server) -> None:
    home = people["home"]
    page = sign_in("home-department")
    page.goto(f"{live_server.url}/kpis/{home.kpi.pk}/")
    _open_form(page, "令和6年度")
    page.select_option("tr.editing select[name=state]", "pending")
    page.fill("tr.editing input[name=note]", "統計未公表")
    page.click("tr.editing button[type=submit]")
    page.wait_for_selector("text=令和6年度の実績値を保存しました")
    row = page.locator("table.actuals tr", has_text="令和6年度").inner_text()
    assert "公表後記入予定" in row and "統計未公表" in row


def test_second_save_of_a_stale_value_is_refused(people, sign_in, live_server, chromium) -> None:
    home = people["home"]
    page = sign_in("home-department")
    page.goto(f"{live_server.url}/kpis/{home.kpi.pk}/")
    _open_form(page, "令和4年度")  # this form holds version 1 (700)

    other = chromium.new_context(locale="ja-JP").new_page()
    other.goto(f"{live_server.url}/accounts/login/")
    other.fill("#id_username", "home-planning")
    other.fill("#id_password", "browser-test-password-2026")
    other.click("button[type=submit]")
    other.goto(f"{live_server.url}/kpis/{home.kpi.pk}/")
    _open_form(other, "令和4年度")
    other.fill("tr.editing input[name=value]", "750")
    other.click("tr.editing button[type=submit]")
    other.wait_for_selector("text=令和4年度の実績値を保存しました")
    other.context.close()

    page.fill("tr.editing input[name=value]", "760")
    page.click("tr.editing button[type=submit]")
    page.wait_for_selector("text=他の利用者がこの実績値を先に保存しました")
    assert "最新の値は「750」" in page.inner_text("#kpi-results")
