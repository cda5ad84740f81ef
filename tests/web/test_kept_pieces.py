"""Pieces kept per worker by their whole input: the vision charts, the shipped-data tables of
the 現状分析 page and the projection page's comparison tables."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from sousei.web.vision import charts, comparison_cache
from sousei.web.vision.templatetags import shipped_fragments

values = st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=3, max_size=3)


@settings(max_examples=60, deadline=None)
@given(values, values, st.sampled_from(["自然増減", "社会増減"]))
def test_a_kept_chart_is_the_chart_drawn_afresh(first, second, name) -> None:
    series = {name: first, "他": second}
    kept = charts.signed_bars_svg(["2020", "2021", "2022"], series, "推移")
    assert kept == charts.signed_bars_svg.__wrapped__(["2020", "2021", "2022"], series, "推移")
    assert charts.lines_svg([2020, 2025, 2030], series) == charts.lines_svg.__wrapped__(
        [2020, 2025, 2030], series)


def test_charts_of_different_figures_differ() -> None:
    one = charts.stacked_bars_svg(["2015", "2020"], {"年少人口": [1.0, 2.0]}, "推移")
    other = charts.stacked_bars_svg(["2015", "2020"], {"年少人口": [1.0, 3.0]}, "推移")
    assert one != other
    assert charts.stacked_bars_svg(["2015", "2020"], {"年少人口": [1.0, 2.0]}, "推移") == one


def _page(user, name: str, pk: int) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(reverse(name, args=[pk]))
    assert response.status_code == 200
    return re.sub(r'value="[^"]{40,}"|"X-CSRFToken": "[^"]+"', "", response.content.decode())


def _section(html: str, table_id: str) -> str:
    return re.search(rf'<table id="{table_id}">.*?</table>', html, re.S).group(0)


def test_each_organisation_gets_the_tables_of_its_own_areas(world) -> None:
    shipped_fragments._KEPT.clear()
    kept = {name: _page(world[name].users["planning"], "vision:state",
                        world[name].organisation.pk) for name in ("home", "outsider")}
    assert _section(kept["home"], "age-groups") != _section(kept["outsider"], "age-groups")
    for name, page in kept.items():
        tenant = world[name]
        shipped_fragments._KEPT.clear()
        fresh = _page(tenant.users["committee"], "vision:state", tenant.organisation.pk)
        for table in ("age-groups", "tfr", "net-migration-m", "net-migration-rate-f"):
            assert _section(page, table) == _section(fresh, table)


def test_a_new_scenario_is_in_the_next_comparison(world) -> None:
    home = world["home"]
    org = home.organisation
    before = _page(home.users["planning"], "vision:projection", org.pk)
    assert "出生率向上" not in before
    org.scenarios.create(name="出生率向上", mapping={"name": "出生率向上",
                                                "tfr": {"change": 0.3, "by": 2040}})
    after = _page(home.users["committee"], "vision:projection", org.pk)
    assert "出生率向上" in re.search(r'<div id="comparison">.*?</div>', after, re.S).group(0)
    comparison_cache._KEPT.clear()
    comparison_cache._RENDERED.clear()
    assert _page(home.users["committee"], "vision:projection", org.pk) == after


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(2020, 2026), st.floats(-1e6, 1e6, allow_nan=False)),
                max_size=5, unique_by=lambda p: p[0]),
       st.sampled_from(["人", "%", ""]))
def test_a_kept_kpi_chart_is_the_chart_drawn_afresh(points, unit) -> None:
    from types import SimpleNamespace

    from sousei.web.strategies import charts as kpi_charts

    kpi = SimpleNamespace(baseline=100.0, baseline_year=2019, target_value=150.0,
                          target_year=2026, unit=unit, name="来訪者数")
    actuals = [SimpleNamespace(fiscal_year=y, value=v) for y, v in points]
    years = list(range(2022, 2027))
    kept = kpi_charts.kpi_chart_svg(kpi, actuals, years)
    fresh = kpi_charts._drawn.__wrapped__(sorted(points), [(2019, 100.0), (2026, 150.0)], years,
                                         unit, "来訪者数")
    assert kept == fresh and kpi_charts.kpi_chart_svg(kpi, actuals, years) == kept
