"""The 80% and 95% prediction bands drawn in the browser around the baseline on the projection
page and on the scenario form's comparison chart: two shaded polygons, rendered with a height,
the 95% band around the 80% band and both around every point of the baseline's line."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _points(text: str) -> list[tuple[float, float]]:
    return [tuple(float(v) for v in pair.split(",")) for pair in text.split()]


def _range_at(polygon: list[tuple[float, float]], x: float) -> tuple[float, float] | None:
    """The (top, bottom) screen y of a band at ``x``: the polygon runs along the lower bounds
    left to right and back along the upper ones, so each x appears twice."""
    ys = [py for px, py in polygon if abs(px - x) < 0.05]
    return (min(ys), max(ys)) if len(ys) == 2 else None


def _check_bands(page: object, chart: str) -> None:
    bands = page.locator(f"{chart} polygon.band")
    assert bands.count() == 2
    titles = sorted(bands.nth(k).locator("title").text_content() for k in range(2))
    assert titles == ["基準推計の80%予測区間", "基準推計の95%予測区間"]
    shapes = {}
    for k in range(2):
        box = bands.nth(k).bounding_box()
        assert box is not None and box["width"] > 100 and box["height"] > 1
        shapes[bands.nth(k).locator("title").text_content()] = _points(
            bands.nth(k).get_attribute("points"))
    inner, outer = shapes["基準推計の80%予測区間"], shapes["基準推計の95%予測区間"]
    baseline = page.locator(f'{chart} polyline:has(title:text-is("基準推計"))')
    line = _points(baseline.get_attribute("points"))
    checked = 0
    for x, y in line:
        narrow, wide = _range_at(inner, x), _range_at(outer, x)
        if narrow is None:  # the base year itself has no band
            continue
        assert wide[0] - 0.1 <= narrow[0] <= y + 0.1 and y - 0.1 <= narrow[1] <= wide[1] + 0.1
        checked += 1
    assert checked >= 5  # 2020 ... 2045 at least
    # The widest band opens with the horizon: the last point's band is wider than the first's.
    shown = [_range_at(outer, x) for x, _ in line if _range_at(outer, x) is not None]
    assert shown[-1][1] - shown[-1][0] > shown[0][1] - shown[0][0]
    assert page.locator("#band-note").is_visible()


def test_the_projection_and_scenario_charts_shade_the_baselines_bands(people, sign_in,
                                                                       live_server) -> None:
    home = people["home"]
    page = sign_in("home-planning")
    page.set_default_timeout(90_000)  # the first projection reads the national tables
    page.goto(f"{live_server.url}/organisations/{home.organisation.pk}/vision/projection/")
    page.wait_for_selector("#comparison svg polygon.band")
    _check_bands(page, "#comparison svg")

    page.goto(f"{live_server.url}/organisations/{home.organisation.pk}/vision/scenarios/new/")
    page.wait_for_selector("#comparison svg polygon.band")
    _check_bands(page, "#comparison svg")
