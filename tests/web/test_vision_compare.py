"""The comparison page: Fukuoka's municipalities on an indicator, sortable, own areas marked."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse


def _names(body: str) -> list[str]:
    table = body.split('<table id="compare">', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<th scope="row">(?:▶ )?([^<]+)</th>', table)


@pytest.mark.parametrize("role", ["planning", "department", "committee", "viewer"])
def test_members_see_their_prefecture_with_their_areas_marked(world, login, role: str) -> None:
    home = world["home"]
    url = reverse("vision:compare", args=[home.organisation.pk])
    response = login(home.users[role]).get(url, {"indicator": "change_ipss2023"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "市区町村の比較(福岡県)" in body and "人口増減率 2025→2050年 (社人研 令和5年推計)" in body
    assert len(_names(body)) == 60
    # 久留米市 (IPSS 2023: 299,292 -> 260,912) is one of the organisation's areas
    assert re.search(r'<tr class="own" aria-current="true"><td class="num">22</td><td>40203</td>'
                     r'<th scope="row">▶ 久留米市</th><td class="num">△12.8%</td>', body)
    assert 'role="img" aria-label="人口増減率 2025→2050年' in body


def test_sorting_by_name_and_by_value_ascending(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    url = reverse("vision:compare", args=[home.organisation.pk])
    by_name = _names(client.get(url, {"sort": "name", "order": "asc"}).content.decode())
    assert by_name == sorted(by_name)
    lowest_first = client.get(url, {"indicator": "ageing_rate", "sort": "value", "order": "asc"})
    assert _names(lowest_first.content.decode())[-1] == "東峰村"  # oldest in 2015, now last


def test_another_prefecture_and_bad_parameters_fall_back(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    url = reverse("vision:compare", args=[home.organisation.pk])
    saga = client.get(url, {"prefecture": "41", "indicator": "tfr"}).content.decode()
    assert "市区町村の比較(佐賀県)" in saga and "佐賀市" in _names(saga)
    odd = client.get(url, {"prefecture": "99", "indicator": "nothing", "sort": "x"})
    assert odd.status_code == 200 and "市区町村の比較(福岡県)" in odd.content.decode()


def test_an_outsider_gets_404(world, login) -> None:
    home, other = world["home"], world["outsider"]
    response = login(other.users["planning"]).get(
        reverse("vision:compare", args=[home.organisation.pk]))
    assert response.status_code == 404
