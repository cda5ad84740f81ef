"""Committee comments on a measure and a project, and the planning department's 対応方針."""

from __future__ import annotations

from django.urls import reverse

from sousei.web.strategies.models import Comment


def _comment(client, kind: str, pk: int, body: str):
    return client.post(reverse(f"strategies:{kind}_comment", args=[pk]), {"body": body},
                       follow=True)


def test_committee_comments_on_a_measure_and_planning_replies(world, login) -> None:
    home = world["home"]
    measure = home.project.measure
    page = _comment(login(home.users["committee"]), "measure", measure.pk,
                    "販路拡大の対象地域を明示してください").content.decode()
    assert "意見を登録しました" in page and "販路拡大の対象地域を明示してください" in page
    comment = Comment.objects.get()
    assert (comment.subject_kind, comment.sector) == ("施策", "学")
    planner = login(home.users["planning"])
    url = reverse("strategies:comment_reply", args=[comment.pk])
    page = planner.post(url, {"reply": "次年度計画で対象地域を示します", "version": 1},
                        follow=True).content.decode()
    assert "対応方針: 次年度計画で対象地域を示します" in page
    stale = planner.post(url, {"reply": "古い画面から", "version": 1}, follow=True)
    assert "ほかの人が先に対応方針を保存しました" in stale.content.decode()
    assert Comment.objects.get().reply == "次年度計画で対象地域を示します"


def test_project_comments_and_who_may_reply(world, login) -> None:
    home, outsider = world["home"], world["outsider"]
    _comment(login(home.users["committee"]), "project", home.project.pk, "費用対効果を示して")
    comment = Comment.objects.get()
    assert comment.subject_kind == "事業"
    url = reverse("strategies:comment_reply", args=[comment.pk])
    for user in (home.users["committee"], home.users["department"], outsider.users["planning"]):
        assert login(user).post(url, {"reply": "x", "version": 1}).status_code == 404
    assert _comment(login(home.users["department"]), "project", home.project.pk,
                    "x").status_code == 404
    assert Comment.objects.get().reply == ""
