"""Login with argon2, logout, and throttling after repeated failures."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

PASSWORD = "correct-horse-battery-staple-42"


@pytest.fixture
def user(db: None) -> object:
    cache.clear()
    return get_user_model().objects.create_user("kurume-planning", password=PASSWORD)


def _login(client: Client, password: str) -> object:
    return client.post(reverse("accounts:login"),
                       {"username": "kurume-planning", "password": password})


def test_password_is_stored_with_argon2(user: object) -> None:
    assert user.password.startswith("argon2")


def test_login_then_logout(client: Client, user: object) -> None:
    response = _login(client, PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("strategies:home")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("strategies:home")).status_code == 302


def test_wrong_password_shows_japanese_message(client: Client, user: object) -> None:
    response = _login(client, "wrong")
    assert response.status_code == 200
    assert "正しいユーザー名とパスワードを入力してください" in response.content.decode()


def test_login_is_throttled_after_five_failures(client: Client, user: object) -> None:
    for _ in range(5):
        assert _login(client, "wrong").status_code == 200
    response = _login(client, PASSWORD)  # even the right password is refused while locked
    assert response.status_code == 429
    assert "しばらくの間ログインできません" in response.content.decode()
    assert client.get(reverse("strategies:home")).status_code == 302


def test_success_clears_earlier_failures(client: Client, user: object) -> None:
    for _ in range(4):
        _login(client, "wrong")
    assert _login(client, PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        _login(client, "wrong")
    assert _login(client, PASSWORD).status_code == 302


def test_login_form_requires_csrf(user: object) -> None:
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("accounts:login"),
                           {"username": "kurume-planning", "password": PASSWORD})
    assert response.status_code == 403


def test_forwarded_for_is_used_only_behind_a_declared_proxy(settings, user: object) -> None:
    from sousei.web.accounts.throttle import client_address

    meta = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.7"}
    assert client_address(meta) == "10.0.0.2"
    settings.LOGIN_THROTTLE_PROXIES = 1
    assert client_address(meta) == "203.0.113.7"  # the address our proxy appended
    settings.LOGIN_THROTTLE_PROXIES = 2
    assert client_address(meta) == "6.6.6.6"
    assert client_address({"REMOTE_ADDR": "10.0.0.2"}) == "10.0.0.2"


def test_each_address_behind_the_proxy_has_its_own_count(settings, user: object) -> None:
    settings.LOGIN_THROTTLE_PROXIES = 1
    for _ in range(5):
        Client(HTTP_X_FORWARDED_FOR="203.0.113.7").post(
            reverse("accounts:login"), {"username": "someone-else", "password": "x"})
    blocked = Client(HTTP_X_FORWARDED_FOR="203.0.113.7").post(
        reverse("accounts:login"), {"username": "kurume-planning", "password": PASSWORD})
    assert blocked.status_code == 429
    other = Client(HTTP_X_FORWARDED_FOR="198.51.100.9").post(
        reverse("accounts:login"), {"username": "kurume-planning", "password": PASSWORD})
    assert other.status_code == 302


def test_login_failure_and_logout_are_audited(client: Client, user: object) -> None:
    from sousei.web.accounts.models import Membership, Organisation
    from sousei.web.audit.models import Event

    city = Organisation.objects.create(kind="municipality", name="久留米市", code="40203")
    Membership.objects.create(user=user, organisation=city, role="planning")
    _login(client, "wrong")
    _login(client, PASSWORD)
    client.post(reverse("accounts:logout"))
    events = list(Event.objects.filter(organisation=city).order_by("id"))
    assert [e.action for e in events] == ["ログイン失敗", "ログイン", "ログアウト"]
    assert [e.actor for e in events] == [None, user, user]
    assert events[1].after == {"user": "kurume-planning", "address": "127.0.0.1"}
