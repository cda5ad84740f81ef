"""A planner compares Fukuoka's municipalities (sorts by a heading, finds their own areas
marked) and builds a logic model in the editor, as a user does in the browser."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _names(page) -> list[str]:
    cells = page.locator("#compare tbody th").all_inner_texts()
    return [text.removeprefix("▶ ").strip() for text in cells]


def test_compare_sorts_and_highlights(people, sign_in, live_server) -> None:
    home = people["home"]
    page = sign_in("home-planning")
    page.goto(f"{live_server.url}/organisations/{home.organisation.pk}/vision/")
    page.click("text=市区町村の比較")
    page.select_option("select[name=indicator]", "change_ipss2023")
    page.click("button:has-text('表示')")
    page.wait_for_selector("h2:has-text('人口増減率 2025→2050年 (社人研 令和5年推計)')")
    own = page.locator("#compare tr.own")
    assert own.count() == 2  # 久留米市 and 大川市, the partnership's members
    assert "▶ 久留米市" in own.first.inner_text() or "▶ 久留米市" in own.last.inner_text()
    assert page.locator("svg[aria-label^='人口増減率']").count() == 1
    page.click("#compare thead >> text=地域名")
    names = _names(page)
    assert names == sorted(names) and len(names) == 60
    page.click("#compare thead >> text=値")  # value again: highest first
    assert _names(page)[0] == "粕屋町"


def test_logic_model_editor(people, sign_in, live_server) -> None:
    home = people["home"]
    page = sign_in("home-planning")
    page.goto(f"{live_server.url}/strategies/{home.strategy.pk}/")
    page.click("text=ロジックモデル")
    for code, name, level in (("I1", "圏域の総人口", "3"), ("P1", "商談件数", "1")):
        form = page.locator("#add-indicator")
        form.locator("input[name=code]").fill(code)
        form.locator("input[name=name]").fill(name)
        form.locator("select[name=level]").select_option(level)
        form.locator("button").click()
        page.wait_for_selector("text=追加しました")
    link = page.locator("#add-link")
    link.locator("select[name=low]").select_option(label="P1 商談件数")
    link.locator("select[name=high]").select_option(label="I1 圏域の総人口")
    link.locator("button").click()
    page.wait_for_selector("#logic-links >> text=P1 商談件数")
    measure = page.locator("#add-measure")
    measure.locator("select[name=measure]").select_option(index=1)
    measure.locator("select[name=output]").select_option(label="P1 商談件数")
    measure.locator("button").click()
    page.wait_for_selector("#logic-links >> text=施策:")
    diagram = page.locator("svg[aria-label='ロジックモデル']")
    assert diagram.locator("line").count() == 2 and "I1 圏域の総人口" in diagram.inner_html()
    # a downward link is refused with the core's words
    link = page.locator("#add-link")
    link.locator("select[name=low]").select_option(label="I1 圏域の総人口")
    link.locator("select[name=high]").select_option(label="P1 商談件数")
    link.locator("button").click()
    page.wait_for_selector("text=上位の段階へのつながりにしてください")
