"""The main pages as a person sees them: axe-core finds no serious or critical WCAG 2.1 AA
violation, the keyboard reaches a visible skip link first, and the charts span the content.

Layout is measured in the rendered page (1280 px wide), not in the HTML: a chart must be at
least 90% of the main column's content width and carry axis values as text.
"""

from __future__ import annotations

import pytest

from tests.browser.axe import blocking_violations

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 900}
SLOW = 30_000  # the vision pages compute projections; a loaded CI machine needs the margin


def _planner(sign_in) -> object:
    page = sign_in("home-planning")
    page.set_viewport_size(WIDE)
    page.set_default_timeout(SLOW)
    return page


def _content_width(page) -> float:
    return page.evaluate("""() => {
        const main = document.querySelector('main');
        const style = getComputedStyle(main);
        return main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    }""")


def _assert_accessible(page, name: str) -> None:
    found = blocking_violations(page)
    assert not found, f"{name}: " + "; ".join(found)


def _assert_full_width(page, selector: str) -> None:
    chart = page.locator(selector).first
    box = chart.bounding_box()
    assert box is not None, selector
    assert box["width"] >= 0.9 * _content_width(page), (selector, box["width"])


def _pages(live_server, home) -> dict[str, str]:
    org = home.organisation.pk
    return {
        "ホーム": "/",
        "総合戦略": f"/strategies/{home.strategy.pk}/",
        "基本目標": f"/goals/{home.goal.pk}/",
        "KPI": f"/kpis/{home.kpi.pk}/",
        "評価": f"/strategies/{home.strategy.pk}/evaluation/",
        "現状分析": f"/organisations/{org}/vision/",
        "将来推計": f"/organisations/{org}/vision/projection/",
        "市区町村の比較": f"/organisations/{org}/vision/compare/",
        "構成団体の比較": f"/organisations/{org}/compare/",
        "シナリオ作成": f"/organisations/{org}/vision/scenarios/new/",
    }


def test_login_page_is_accessible(page, live_server) -> None:
    page.set_viewport_size(WIDE)
    page.goto(f"{live_server.url}/accounts/login/")
    _assert_accessible(page, "ログイン")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert focused == "skip-link"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # visible once focused


@pytest.mark.parametrize("name", ["ホーム", "総合戦略", "基本目標", "KPI", "評価", "現状分析",
                                  "将来推計", "市区町村の比較", "構成団体の比較", "シナリオ作成"])
def test_main_pages_have_no_serious_violation(people, sign_in, live_server, name: str) -> None:
    page = _planner(sign_in)
    response = page.goto(live_server.url + _pages(live_server, people["home"])[name])
    assert response.status == 200, name
    _assert_accessible(page, name)
    text = page.inner_text("body")
    for path in ("docs/", "src/sousei", ".md", "/work/"):  # no repository paths in page text
        assert path not in text, (name, path)


def test_actual_entry_form_is_accessible_and_labelled(people, sign_in, live_server) -> None:
    home = people["home"]
    page = _planner(sign_in)
    page.goto(f"{live_server.url}/kpis/{home.kpi.pk}/")
    page.locator("#kpi-results button:has-text('入力')").first.click()
    page.wait_for_selector("#kpi-results form")
    _assert_accessible(page, "実績値の入力")
    for label in ("実績値", "状態", "備考"):
        assert page.get_by_label(label).count() >= 1, label


def test_kpi_trend_chart_spans_the_page_with_axis_values(people, sign_in, live_server) -> None:
    home = people["home"]
    page = _planner(sign_in)
    page.goto(f"{live_server.url}/kpis/{home.kpi.pk}/")
    _assert_full_width(page, "svg.kpi-chart")
    y_ticks = page.locator("svg.kpi-chart text.y-tick").all_text_contents()
    assert len(y_ticks) >= 3 and all(any(c.isdigit() for c in t) for t in y_ticks), y_ticks
    assert "R8" in page.locator("svg.kpi-chart").text_content()  # the target year on the x axis
    assert "実績値" in page.locator("svg.kpi-chart .legend").text_content()


def test_goal_bars_and_tree_badges(people, sign_in, live_server) -> None:
    """Fixture goal: KPI 1 at 70% (△), KPI 2 pending: the bar is half △, half 評価待ち."""
    home = people["home"]
    page = _planner(sign_in)
    page.goto(f"{live_server.url}/goals/{home.goal.pk}/")
    bar = page.locator(".grade-bar").first
    segments = bar.locator("span")
    assert segments.all_inner_texts() == ["△ 1", "評価待ち 1"]
    widths = [segments.nth(i).bounding_box()["width"] for i in range(2)]
    assert abs(widths[0] - widths[1]) <= 2
    assert bar.bounding_box()["width"] >= 0.9 * _content_width(page)
    page.goto(f"{live_server.url}/strategies/{home.strategy.pk}/")
    row = page.locator("table.tree-table tr", has_text=home.kpi.name)
    assert row.locator(".grade-badge").inner_text() == "△"
    assert "700" in row.inner_text() and "1,000" in row.inner_text()


def test_vision_charts_span_the_page_with_axis_values(people, sign_in, live_server) -> None:
    """Every chart of the current-state page spans the content; the bar charts (age groups,
    natural and social change) carry y-axis values, and no legend is written in a pale colour."""
    home = people["home"]
    page = _planner(sign_in)
    page.goto(f"{live_server.url}/organisations/{home.organisation.pk}/vision/")
    charts = page.locator("main svg[role=img]")
    assert charts.count() >= 3
    for i in range(charts.count()):
        chart = charts.nth(i)
        label = chart.get_attribute("aria-label")
        assert chart.bounding_box()["width"] >= 0.9 * _content_width(page), label
        numbers = [t for t in chart.locator("text").all_text_contents() if any(c.isdigit() for c in t)]
        assert len(numbers) >= 3, label
    for label in ("年齢3区分別人口の推移", "自然増減・社会増減の推移"):
        chart = page.locator(f"main svg[aria-label^='{label}']")
        values = chart.locator("text.y-tick").all_text_contents()
        assert len(values) >= 3 and all(any(c.isdigit() for c in v) for v in values), (label, values)
    fills = page.evaluate("""() => [...document.querySelectorAll('main svg text')]
        .map(t => getComputedStyle(t).fill)""")
    pale = {"rgb(230, 159, 0)", "rgb(86, 180, 233)", "rgb(240, 228, 66)", "rgb(204, 121, 167)",
            "rgb(213, 94, 0)", "rgb(0, 158, 115)"}  # Okabe-Ito hues below 4.5:1 on white
    assert not pale & set(fills), pale & set(fills)
