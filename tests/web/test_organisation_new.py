"""Site administrators register organisations from the code master in the web."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import reverse

from sousei.web.accounts.models import Membership, Organisation
from sousei.web.audit.models import Event

URL = "accounts:organisation_new"


def test_superuser_registers_a_city_with_its_administrator(world, login) -> None:
    admin = get_user_model().objects.create_superuser("site-admin")
    get_user_model().objects.create_user("iizuka-admin")
    client = login(admin)
    page = client.post(reverse(URL), {"code": "402052", "admin": "iizuka-admin"}, follow=True)
    assert "飯塚市を登録しました" in page.content.decode()
    iizuka = Organisation.objects.get(code="40205")
    assert (iizuka.name, iizuka.prefecture, iizuka.kind) == ("飯塚市", "福岡県", "municipality")
    assert Membership.objects.get(organisation=iizuka).role == "admin"
    assert Event.objects.filter(action="organisation.create").count() == 1


def test_a_partnership_and_a_bad_code(world, login) -> None:
    client = login(get_user_model().objects.create_superuser("site-admin"))
    client.post(reverse(URL), {"code": "40205", "partnership": "嘉飯圏域定住自立圏",
                               "members": "40227,40421"})
    group = Organisation.objects.get(name="嘉飯圏域定住自立圏")
    assert sorted(group.members.values_list("code", flat=True)) == ["40205", "40227", "40421"]
    page = client.post(reverse(URL), {"code": "99999"})
    assert page.status_code == 422 and "団体コード" in page.content.decode()


def test_only_site_administrators(world, login) -> None:
    for user in (world["home"].users["admin"], world["outsider"].users["planning"]):
        assert login(user).get(reverse(URL)).status_code == 404
        assert login(user).post(reverse(URL), {"code": "40205"}).status_code == 404
    assert not Organisation.objects.filter(code="40205").exists()
