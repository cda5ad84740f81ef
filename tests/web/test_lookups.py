"""Sessions and users looked up by prepared queries keep Django's rules: an expired session or
an inactive user is nobody; a live one is the user, with two queries for both."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sousei.web.accounts.lookups import SessionStore, UserBackend


def test_a_logged_in_page_asks_for_session_and_user_once_each(client, world) -> None:
    user = world["home"].users["planning"]
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/kpis/{world['home'].kpi.pk}/")
    assert response.status_code == 200
    assert response.context["user"] == user
    tables = [q["sql"].split(" FROM ")[1].split()[0] for q in queries.captured_queries]
    assert tables.count('"django_session"') == 1 and tables.count('"auth_user"') == 1


def test_an_expired_session_is_nobody(client, world) -> None:
    client.force_login(world["home"].users["planning"])
    key = client.session.session_key
    assert SessionStore(key).load()  # alive
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1))
    store = SessionStore(key)
    assert store.load() == {} and store.session_key is None
    response = client.get(f"/kpis/{world['home'].kpi.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_inactive_or_unknown_user_is_nobody(world) -> None:
    user = world["home"].users["viewer"]
    backend = UserBackend()
    assert backend.get_user(user.pk) == user
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert backend.get_user(user.pk) is None
    assert backend.get_user(10**9) is None
    assert backend.get_user("x") is None
