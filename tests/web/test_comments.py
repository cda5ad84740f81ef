"""Committee comments on KPIs and goals, audited; other roles cannot comment."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sousei.web.audit.models import Event
from sousei.web.strategies.models import Comment


def test_committee_comments_on_a_kpi(world, login) -> None:
    home = world["home"]
    client = login(home.users["committee"])
    response = client.post(reverse("strategies:kpi_comment", args=[home.kpi.pk]),
                           {"body": "来場者の属性も把握してください"}, follow=True)
    assert "意見を登録しました" in response.content.decode()
    assert "来場者の属性も把握してください" in response.content.decode()
    comment = Comment.objects.get()
    assert (comment.kpi, comment.author) == (home.kpi, home.users["committee"])
    assert Event.objects.get(object_type="strategies.comment").action == "意見の追加"


def test_committee_comments_on_a_goal(world, login) -> None:
    home = world["home"]
    response = login(home.users["committee"]).post(
        reverse("strategies:goal_comment", args=[home.goal.pk]), {"body": "圏域全体で検証を"},
        follow=True)
    assert "圏域全体で検証を" in response.content.decode()


def test_empty_comment_is_refused(world, login) -> None:
    home = world["home"]
    response = login(home.users["committee"]).post(
        reverse("strategies:kpi_comment", args=[home.kpi.pk]), {"body": ""}, follow=True)
    assert "意見を入力してください" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize("role", ["department", "viewer"])
def test_other_roles_cannot_comment(world, login, role: str) -> None:
    home = world["home"]
    response = login(home.users[role]).post(
        reverse("strategies:kpi_comment", args=[home.kpi.pk]), {"body": "x"})
    assert response.status_code == 404
    assert not Comment.objects.exists()
