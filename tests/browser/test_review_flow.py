"""A committee user comments; a planning user publishes, and the snapshot stays frozen."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_committee_comments_on_a_kpi(people, sign_in, live_server) -> None:
    home = people["home"]
    page = sign_in("home-committee")
    page.goto(f"{live_server.url}/kpis/{home.kpi.pk}/")
    page.fill("textarea[name=body]", "来場者の居住地も把握してください")
    page.click("text=意見を登録")
    page.wait_for_selector("text=意見を登録しました")
    assert "来場者の居住地も把握してください" in page.inner_text("ul.comments")


def test_published_evaluation_stays_frozen(people, sign_in, live_server) -> None:
    home = people["home"]
    page = sign_in("home-planning")
    page.goto(f"{live_server.url}/strategies/{home.strategy.pk}/evaluation/?fy=2022")
    page.click("text=この評価を公表する")
    page.wait_for_selector("text=評価を公表しました")
    snapshot_url = page.url
    assert "70.0%" in page.inner_text("table.evaluation")

    # A later correction by the planning user: 700 -> 950 (95.0% ○ in the live evaluation).
    page.goto(f"{live_server.url}/kpis/{home.kpi.pk}/")
    page.locator("table.actuals tr", has_text="令和4年度").get_by_role("button", name="入力").click()
    page.fill("tr.editing input[name=value]", "950")
    page.click("tr.editing button[type=submit]")
    page.wait_for_selector("text=令和4年度の実績値を保存しました")
    page.goto(f"{live_server.url}/strategies/{home.strategy.pk}/evaluation/?fy=2022")
    assert "95.0%" in page.inner_text("table.evaluation")

    page.goto(snapshot_url)
    frozen = page.inner_text("main")
    assert "公表後の修正は反映されません" in frozen
    assert "70.0%" in frozen and "95.0%" not in frozen


def test_viewer_reads_only_the_published_evaluation(people, sign_in, live_server) -> None:
    home = people["home"]
    planner = sign_in("home-planning")
    planner.goto(f"{live_server.url}/strategies/{home.strategy.pk}/evaluation/?fy=2022")
    planner.click("text=この評価を公表する")
    planner.wait_for_selector("text=評価を公表しました")
    planner.click("text=ログアウト")

    page = sign_in("home-viewer")
    page.click("text=久留米圏総合戦略")
    page.click("text=令和4年度の評価")
    assert "物産展の来場者数" in page.inner_text("table.evaluation")
    assert page.locator("table.evaluation a").count() == 0  # no links into live pages
