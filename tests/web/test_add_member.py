"""`sousei-manage add_member`: accounts and roles from the command line, audited."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from sousei.web.accounts.models import Membership
from sousei.web.audit.models import Event


def _run(*args: str) -> str:
    out = StringIO()
    call_command("add_member", *args, stdout=out)
    return out.getvalue()


def test_a_new_committee_member_gets_a_login_a_role_and_a_sector(world) -> None:
    org = world["home"].organisation
    text = _run("prof-tanaka", "--organisation", org.name, "--role", "committee", "--sector", "学")
    assert f"prof-tanaka を {org.name} の検証委員(学)にしました" in text
    password = text.split("初期パスワード: ")[1].split()[0]
    user = get_user_model().objects.get(username="prof-tanaka")
    assert user.check_password(password)
    membership = Membership.objects.get(user=user, organisation=org)
    assert (membership.role, membership.sector) == ("committee", "学")
    event = Event.objects.get(action="membership.create")
    assert event.after["sector"] == "学" and event.organisation == org


def test_changing_a_role_is_audited_and_keeps_the_password(world) -> None:
    home = world["home"]
    user = home.users["viewer"]
    user.set_password("unchanged-pass-1")
    user.save()
    text = _run(user.username, "-o", home.organisation.name, "-r", "department",
                "--department", "観光振興課")
    assert "初期パスワード" not in text
    user.refresh_from_db()
    assert user.check_password("unchanged-pass-1")
    event = Event.objects.get(action="membership.update")
    assert (event.before["role"], event.after["role"]) == ("viewer", "department")


@pytest.mark.parametrize("args, message", [
    (["x", "-o", "存在しない市", "-r", "viewer"], "団体 '存在しない市' が見つかりません"),
    (["x", "-o", "久留米市", "-r", "viewer", "--sector", "学"], "検証委員(committee)にだけ"),
    (["x", "-o", "久留米市", "-r", "department"], "--department"),
])
def test_bad_requests_change_nothing(world, args, message) -> None:
    with pytest.raises(CommandError, match=re.escape(message)):
        _run(*args)
    assert not get_user_model().objects.filter(username="x").exists()
