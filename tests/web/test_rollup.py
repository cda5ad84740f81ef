"""The prefecture roll-up page on the demo partnership (load_demo: 久留米市 and five partners)."""

from __future__ import annotations

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from sousei.web.accounts.models import Membership, Organisation, OrganisationKind


def _member(organisation: Organisation, role: str, name: str):
    user = get_user_model().objects.create_user(name)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def test_prefecture_sees_partnership_budgets_and_partner_kpis(db: None, client) -> None:
    call_command("load_demo", stdout=StringIO())
    fukuoka = Organisation.objects.get(code="40000")
    client.force_login(_member(fukuoka, "planning", "pref-planner"))
    page = client.get(reverse("strategies:rollup", args=[fukuoka.pk])).content.decode()
    assert "久留米広域連携中枢都市圏（デモ）" in page
    footer = page.split("<tfoot>")[1].split("</tfoot>")[0]
    # demo_content.py: R4 1,800 + 600 + 2,400; R6 1,900 + 650 + 2,300; R7 not yet decided
    assert "4,800" in footer and "4,850" in footer and "未定 3件" in footer
    kurume = page.split("<h3>久留米市</h3>")[1].split("<h3>")[0]
    assert "○ 1件 / △ 2件 / × 0件 / 未評価 1件" in kurume
    assert "会場・出展者の調整" in kurume and "86.7%" in kurume
    assert "<h3>連携市町</h3>" in page


def test_partnership_sees_itself_others_refused(db: None, client) -> None:
    call_command("load_demo", stdout=StringIO())
    partnership = Organisation.objects.get(kind=OrganisationKind.PARTNERSHIP)
    url = reverse("strategies:rollup", args=[partnership.pk])
    client.force_login(get_user_model().objects.get(username="demo-planning"))
    assert "4,800" in client.get(url).content.decode()
    client.force_login(get_user_model().objects.get(username="demo-viewer"))
    assert client.get(url).status_code == 404  # budgets are working material
    kurume = Organisation.objects.get(code="40203")
    client.force_login(_member(kurume, "planning", "kurume-planner"))
    assert client.get(url).status_code == 404  # not a member of the partnership
    assert client.get(reverse("strategies:rollup", args=[kurume.pk])).status_code == 404
    saga = Organisation.objects.create(kind=OrganisationKind.PREFECTURE, name="佐賀県",
                                       code="41000")
    client.force_login(_member(saga, "planning", "saga-planner"))
    page = client.get(reverse("strategies:rollup", args=[saga.pk])).content.decode()
    assert "連携事業はまだありません" in page
