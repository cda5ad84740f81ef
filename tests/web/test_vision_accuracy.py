"""「この推計方法の過去の精度」 page: the user's own municipality, its size class, who may see it;
and the prediction band on the projection chart."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sousei.japanese import format_number, format_percent
from sousei.vision.backtest import area_errors


@pytest.mark.parametrize("role", ["planning", "department", "committee", "viewer"])
def test_members_read_their_municipalitys_backtests(world, login, role: str) -> None:
    home = world["home"]
    url = reverse("vision:accuracy", args=[home.organisation.pk])
    response = login(home.users[role]).get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "この推計方法の過去の精度" in body
    assert "久留米市の推計と実績" in body  # the partnership's first area
    assert "同じ人口規模(30万人以上)の全市区町村の誤差" in body
    kurume = area_errors(["40203"])
    last = kurume[(kurume["base_year"] == 2010) & (kurume["target_year"] == 2015)].iloc[0]
    assert format_number(last["projected"]) in body
    assert f'<td class="num">{format_percent(last["naive_error_pct"])}</td>' in body
    assert 'aria-label="推計誤差(絶対値, %)の推計年数別"' in body


def test_a_member_area_is_chosen_by_code(world, login) -> None:
    home = world["home"]
    client = login(home.users["viewer"])
    body = client.get(reverse("vision:accuracy", args=[home.organisation.pk]),
                      {"area": "40212"}).content.decode()
    assert "大川市の推計と実績" in body
    assert "同じ人口規模(2万～5万人)" in body


@pytest.mark.parametrize("role", ["planning", "viewer"])
def test_outsiders_get_404(world, login, role: str) -> None:
    home, outsider = world["home"], world["outsider"]
    url = reverse("vision:accuracy", args=[home.organisation.pk])
    assert login(outsider.users[role]).get(url).status_code == 404


def test_anonymous_users_are_sent_to_log_in(world, client) -> None:
    url = reverse("vision:accuracy", args=[world["home"].organisation.pk])
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_projection_chart_shades_the_baselines_bands_and_links_here(world, login) -> None:
    home = world["home"]
    body = login(home.users["viewer"]).get(
        reverse("vision:projection", args=[home.organisation.pk])).content.decode()
    assert body.count('<polygon class="band"') == 2
    assert "<title>基準推計の80%予測区間</title>" in body
    assert "<title>基準推計の95%予測区間</title>" in body
    assert reverse("vision:accuracy", args=[home.organisation.pk]) in body
