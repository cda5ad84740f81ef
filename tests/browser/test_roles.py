"""Each role logs in through the form and sees only its own organisation's strategies."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("role", ["admin", "planning", "department", "committee"])
def test_member_sees_own_strategy_only(people, sign_in, live_server, role: str) -> None:
    page = sign_in(f"home-{role}")
    body = page.inner_text("main")
    assert "久留米圏総合戦略" in body
    assert "嘉麻市" not in body
    page.click("text=久留米圏総合戦略")
    assert "基本目標1 圏域の経済成長" in page.inner_text("main")
    # The outsider's strategy answers 404 even with its address typed in.
    response = page.goto(f"{live_server.url}/strategies/{people['outsider'].strategy.pk}/")
    assert response.status == 404


def test_viewer_sees_nothing_unpublished(people, sign_in, live_server) -> None:
    page = sign_in("home-viewer")
    assert "表示できる総合戦略はありません" in page.inner_text("main")
    response = page.goto(f"{live_server.url}/kpis/{people['home'].kpi.pk}/")
    assert response.status == 404


def test_wrong_password_is_refused_in_japanese(people, page, live_server) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "home-planning")
    page.fill("#id_password", "wrong-password")
    page.click("button[type=submit]")
    assert "正しいユーザー名とパスワードを入力してください" in page.inner_text("main")
