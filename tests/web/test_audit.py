"""The audit trail is append-only and shown per object to planning users only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sousei.web.audit.models import AppendOnlyError, Event
from sousei.web.audit.record import record_event


def test_events_cannot_be_updated_or_deleted(world) -> None:
    home = world["home"]
    event = record_event(home.users["planning"], home.kpi, "テスト", {"a": 1}, {"a": 2})
    event.action = "改ざん"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        Event.objects.filter(pk=event.pk).update(action="改ざん")
    with pytest.raises(AppendOnlyError):
        Event.objects.all().delete()
    assert Event.objects.get(pk=event.pk).action == "テスト"


def test_event_records_actor_object_and_values(world) -> None:
    home = world["home"]
    event = record_event(home.users["department"], home.kpi, "実績値の修正",
                         before={"value": "700"}, after={"value": "820"})
    stored = Event.objects.get(pk=event.pk)
    assert (stored.actor, stored.organisation, stored.object_type, stored.object_id) == (
        home.users["department"], home.organisation, "strategies.kpi", str(home.kpi.pk))
    assert (stored.before, stored.after) == ({"value": "700"}, {"value": "820"})
    assert stored.created_at is not None


@pytest.mark.parametrize(("role", "status"), [
    ("planning", 200), ("admin", 200), ("department", 404), ("committee", 404), ("viewer", 404),
])
def test_audit_page_is_for_planning(world, login, role: str, status: int) -> None:
    home = world["home"]
    record_event(home.users["department"], home.kpi, "実績値の修正", {"value": "1"}, {"value": "2"})
    response = login(home.users[role]).get(
        reverse("audit:object", args=["strategies.kpi", home.kpi.pk]))
    assert response.status_code == status
    if status == 200:
        assert "実績値の修正" in response.content.decode()


def test_audit_page_refuses_unlisted_models(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    url = reverse("audit:object", args=["auth.user", home.users["planning"].pk])
    assert client.get(url).status_code == 404
