"""A planner picks 「住基 2021年1月1日」 as the base population and reads the projection with
IPSS 2018 and 2023 beside it, as a user does in the browser."""

from __future__ import annotations

import pytest

from sousei.io.population.juki_soumu import read_juki_ages
from sousei.io.reference import shipped
from sousei.japanese import format_number

pytestmark = pytest.mark.browser


def _published_total() -> float:
    """久留米市 + 大川市, 日本人住民 + 外国人住民 on 1 January 2021, as the tables print them."""
    total = 0.0
    for name in ("2108nsnen.xlsx", "2112gsnen.xlsx"):
        rows = read_juki_ages(shipped.juki_file(name)).published_totals
        rows = rows[rows["area_code"].isin(["40203", "40212"]) & (rows["sex"] == "T")]
        total += float(rows["value"].sum())
    return total


def test_planner_picks_the_juki_2021_base_and_sees_both_ipss(people, sign_in,
                                                              live_server) -> None:
    home = people["home"]
    page = sign_in("home-planning")
    page.goto(f"{live_server.url}/organisations/{home.organisation.pk}/vision/projection/")
    assert "国勢調査(2015年)を基準人口とし" in page.inner_text("main")
    page.set_default_timeout(90_000)  # the first read of the national tables takes seconds
    page.click("text=住基 2021年1月1日を基準人口にする")
    page.wait_for_selector("text=住基 2021年1月1日の人口を第1版の基準人口として登録しました")
    page.set_default_timeout(10_000)
    main = page.inner_text("main")
    assert "2108nsnen.xlsx + 2112gsnen.xlsx" in main and "2021年)を基準人口とし" in main
    header = page.inner_text("#comparison table.comparison thead")
    assert "2021年" in header and "2061年" in header
    first_row = page.inner_text("#comparison table.comparison tbody tr:first-child")
    assert format_number(_published_total()) in first_row
    assert "うち外国人" in page.inner_text("#comparison table.comparison")
    old = page.inner_text("#ipss2018")
    new = page.inner_text("#ipss2023")
    assert "2015年" in old and "2045年" in old
    assert "2025年" in new and "2050年" in new and "329,952" in new  # 299,292 + 30,660
    legend = page.locator("#comparison svg[aria-label='総人口の推移']").text_content()
    assert "社人研推計(平成30年推計)" in legend and "社人研推計(令和5年推計)" in legend
    page.click("nav >> text=人口データ")
    assert "住民基本台帳" in page.inner_text("#datasets")
