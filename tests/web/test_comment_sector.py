"""委員の区分: a comment keeps the sector of its author's membership at the time of writing,
the KPI page shows it and the downloaded report's 委員会意見 sheet prints it (— when none)."""

from __future__ import annotations

import io

from django.urls import reverse
from openpyxl import load_workbook

from sousei.strategy import COMMITTEE_SECTORS
from sousei.web.accounts.models import CommitteeSector, Membership
from sousei.web.strategies.models import Comment

SECTOR_COLUMN = 3  # 区分, 対象, 委員の区分, 日付, 意見


def _post(client, kpi, body: str) -> str:
    response = client.post(reverse("strategies:kpi_comment", args=[kpi.pk]), {"body": body},
                           follow=True)
    assert response.status_code == 200
    return response.content.decode()


def _sheet_rows(client, strategy) -> list[tuple[object, object]]:
    """(委員の区分, 意見) of every comment row in the downloaded workbook."""
    response = client.get(reverse("strategies:report", args=[strategy.pk, "xlsx"]))
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content))["委員会意見"]
    rows = []
    for r in range(4, ws.max_row + 1):
        body = ws.cell(row=r, column=5).value
        if body and not str(body).startswith("※"):
            rows.append((ws.cell(row=r, column=SECTOR_COLUMN).value, body))
    return rows


def test_academic_member_comment_is_stored_shown_and_reported_as_gaku(world, login) -> None:
    home = world["home"]
    member = Membership.objects.get(user=home.users["committee"], organisation=home.organisation)
    assert member.sector == "学"  # the persona is a 学識経験者
    client = login(home.users["committee"])
    page = _post(client, home.kpi, "大学との連携を検討してください")
    assert Comment.objects.get().sector == "学"
    assert "home-committee（学(大学等)）: 大学との連携を検討してください" in page
    assert _sheet_rows(client, home.strategy) == [("学", "大学との連携を検討してください")]


def test_changing_the_membership_later_keeps_the_old_comments_sector(world, login) -> None:
    home = world["home"]
    client = login(home.users["committee"])
    _post(client, home.kpi, "最初の意見")
    Membership.objects.filter(user=home.users["committee"]).update(
        sector=CommitteeSector.FINANCE)
    _post(client, home.kpi, "二つ目の意見")
    assert list(Comment.objects.values_list("body", "sector")) == [
        ("最初の意見", "学"), ("二つ目の意見", "金")]
    assert _sheet_rows(client, home.strategy) == [("学", "最初の意見"), ("金", "二つ目の意見")]


def test_comment_by_a_member_without_sector_shows_the_dash(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])  # may comment, but is no committee member
    page = _post(client, home.kpi, "所管課で確認します")
    assert Comment.objects.get().sector == ""
    assert "home-planning: 所管課で確認します" in page
    assert _sheet_rows(client, home.strategy) == [("—", "所管課で確認します")]


def test_sector_values_are_the_ones_the_report_accepts() -> None:
    assert tuple(CommitteeSector.values) == COMMITTEE_SECTORS
