"""Evaluation for a chosen year and publishing: the snapshot stays frozen after later edits."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sousei.web.audit.models import Event
from sousei.web.strategies.models import EvaluationSnapshot


def test_evaluation_for_a_chosen_year(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    url = reverse("strategies:evaluation", args=[home.strategy.pk])
    body = client.get(url, {"fy": 2022}).content.decode()
    assert "評価（令和4年度時点）" in body and "70.0%" in body
    # A year outside the plan (FY2021) is ignored: the latest year with an actual is used.
    body = client.get(url, {"fy": 2021}).content.decode()
    assert "評価（令和4年度時点）" in body


@pytest.mark.parametrize("role", ["department", "committee", "viewer"])
def test_only_planning_runs_and_publishes(world, login, role: str) -> None:
    home = world["home"]
    client = login(home.users[role])
    assert client.get(reverse("strategies:evaluation", args=[home.strategy.pk])).status_code == 404
    assert client.post(reverse("strategies:publish", args=[home.strategy.pk])).status_code == 404
    assert not EvaluationSnapshot.objects.exists()


def test_published_evaluation_stays_frozen_after_an_edit(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    response = client.post(reverse("strategies:publish", args=[home.strategy.pk]), {"fy": 2022})
    snapshot = EvaluationSnapshot.objects.get()
    assert response["Location"] == reverse("strategies:snapshot", args=[snapshot.pk])
    assert snapshot.data["total"]["grades"] == {"○": 0, "△": 1, "×": 0}
    assert Event.objects.filter(action="評価の公表").count() == 1

    # A later correction: 700 -> 900 makes the live grade ○ (90%) ...
    client.post(reverse("strategies:actual_entry", args=[home.kpi.pk, 2022]),
                {"state": "number", "value": "900", "note": "", "version": 1})
    live = client.get(reverse("strategies:evaluation", args=[home.strategy.pk]),
                      {"fy": 2022}).content.decode()
    assert "90.0%" in live
    # ... while the published snapshot still shows △ at 70.0%.
    frozen = client.get(reverse("strategies:snapshot", args=[snapshot.pk])).content.decode()
    assert "公表後の修正は反映されません" in frozen
    assert "70.0%" in frozen and "90.0%" not in frozen
    snapshot.refresh_from_db()
    assert snapshot.data["total"]["grades"] == {"○": 0, "△": 1, "×": 0}


def test_viewer_reads_the_published_snapshot(world, login) -> None:
    home = world["home"]
    login(home.users["planning"]).post(reverse("strategies:publish", args=[home.strategy.pk]))
    snapshot = EvaluationSnapshot.objects.get()
    client = login(home.users["viewer"])
    assert "久留米圏総合戦略" in client.get(reverse("strategies:home")).content.decode()
    response = client.get(reverse("strategies:snapshot", args=[snapshot.pk]))
    assert response.status_code == 200
    assert "物産展の来場者数" in response.content.decode()


def test_republishing_a_fiscal_year_is_an_explicit_new_version(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    url = reverse("strategies:publish", args=[home.strategy.pk])
    client.post(url, {"fy": 2022})
    # The same year again without saying "new version": refused, nothing published.
    refused = client.post(url, {"fy": 2022}, follow=True)
    assert "2022年度の評価は公表済みです(第1版)" in refused.content.decode()
    assert EvaluationSnapshot.objects.count() == 1
    page = client.get(reverse("strategies:evaluation", args=[home.strategy.pk]), {"fy": 2022})
    assert "新しい版として公表する" in page.content.decode()
    response = client.post(url, {"fy": 2022, "new_version": "1"})
    first, second = EvaluationSnapshot.objects.order_by("id")
    assert response["Location"] == reverse("strategies:snapshot", args=[second.pk])
    assert [e.after["version"] for e in Event.objects.filter(
        action__in=["評価の公表", "評価の再公表"]).order_by("id")] == [1, 2]
    assert "第1版" in client.get(reverse("strategies:snapshot", args=[first.pk])).content.decode()
    assert "第2版" in client.get(reverse("strategies:snapshot", args=[second.pk])).content.decode()
