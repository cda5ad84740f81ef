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
