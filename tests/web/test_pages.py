"""Strategy tree, project and home pages: content for members, nothing for the viewer's live data."""

from __future__ import annotations

import pytest
from django.urls import reverse


def test_home_lists_own_strategies_only(world, login) -> None:
    body = login(world["home"].users["planning"]).get(reverse("strategies:home")).content.decode()
    assert "久留米圏総合戦略" in body
    assert "嘉麻市総合戦略" not in body


def test_home_hides_unpublished_strategies_from_viewers(world, login) -> None:
    body = login(world["home"].users["viewer"]).get(reverse("strategies:home")).content.decode()
    assert "久留米圏総合戦略" not in body
    assert "表示できる総合戦略はありません" in body


@pytest.mark.parametrize("role", ["admin", "planning", "department", "committee"])
def test_tree_shows_the_hierarchy(world, login, role: str) -> None:
    home = world["home"]
    response = login(home.users[role]).get(reverse("strategies:tree", args=[home.strategy.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    for text in ("基本目標1 圏域の経済成長", "地域経済の裾野拡大", "販路拡大",
                 "久留米圏物産展への出展事業", "物産展の来場者数", "新規就農者数",
                 "令和4年度～令和8年度"):
        assert text in body


def test_evaluation_link_only_for_planning(world, login) -> None:
    home = world["home"]
    url = reverse("strategies:tree", args=[home.strategy.pk])
    assert "評価を実行する" in login(home.users["planning"]).get(url).content.decode()
    assert "評価を実行する" not in login(home.users["committee"]).get(url).content.decode()


def test_project_page_shows_roles_and_budgets_per_fiscal_year(world, login) -> None:
    home = world["home"]
    response = login(home.users["committee"]).get(
        reverse("strategies:project", args=[home.project.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<td>久留米市</td><td>出展の調整</td>" in body
    assert "<td>連携市町</td><td>出展品の調整</td>" in body
    assert "<th>R4</th><th>R5</th><th>R6</th><th>R7</th><th>R8</th>" in body
    assert '<td class="num">2,400千円</td><td class="num">2,350千円</td><td class="num"></td>' in body


def test_viewer_cannot_open_live_pages(world, login) -> None:
    home = world["home"]
    client = login(home.users["viewer"])
    assert client.get(reverse("strategies:project", args=[home.project.pk])).status_code == 404
    assert client.get(reverse("strategies:tree", args=[home.strategy.pk])).status_code == 404


def test_anonymous_is_sent_to_login(world, client) -> None:
    response = client.get(reverse("strategies:tree", args=[world["home"].strategy.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
