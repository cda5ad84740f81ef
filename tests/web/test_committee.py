"""The committee page: roster and meetings, the 今後の方向性 list; all of it in the KPI report."""

from __future__ import annotations

from django.urls import reverse

from sousei.web.strategies.models import Comment, KPIReview
from sousei.web.strategies.report_data import strategy_report


def test_roster_meetings_and_next_steps_reach_the_report(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    add = reverse("strategies:committee_add", args=[home.strategy.pk])
    client.post(add, {"name": "山田太郎", "affiliation": "久留米大学", "title": "教授",
                      "sector": "学"})
    client.post(add, {"what": "meeting", "held_on": "2026-02-26", "title": "前計画の成果指標の検証"})
    client.post(reverse("strategies:next_steps", args=[home.strategy.pk]),
                {"steps": "拡充\n継続\n廃止", "version": 1})
    page = client.get(reverse("strategies:committee", args=[home.strategy.pk])).content.decode()
    assert "山田太郎" in page and "2026年2月26日 前計画の成果指標の検証" in page
    home.strategy.refresh_from_db()
    assert home.strategy.next_steps == ["拡充", "継続", "廃止"]
    KPIReview.objects.create(kpi=home.kpi, fiscal_year=2022, self_evaluation="順調", next_step="継続")
    comment = Comment.objects.create(author=home.users["committee"], project=home.project,
                                     body="費用対効果を示して", sector="学", reply="次回示します")
    document, _ = strategy_report(home.strategy, 2022)
    sections = {s.key: s for s in document.sections}
    assert {"self_evaluations", "committee", "comments"} <= set(sections)
    cells = [c.text for s in sections.values() for b in s.blocks if hasattr(b, "body")
             for row in b.body for c in row if c is not None]
    assert {"順調", "継続", "山田太郎", "久留米大学", "費用対効果を示して", "次回示します"} <= set(cells)
    assert comment.subject_kind == "事業"


def test_committee_member_reads_but_cannot_add(world, login) -> None:
    home = world["home"]
    client = login(home.users["committee"])
    assert client.get(reverse("strategies:committee", args=[home.strategy.pk])).status_code == 200
    add = reverse("strategies:committee_add", args=[home.strategy.pk])
    assert client.post(add, {"name": "x"}).status_code == 404
    outsider = login(world["outsider"].users["planning"])
    assert outsider.get(reverse("strategies:committee", args=[home.strategy.pk])).status_code == 404
