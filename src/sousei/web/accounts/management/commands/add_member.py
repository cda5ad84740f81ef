"""`sousei-manage add_member`: give a person a role in an organisation (and create the login).

The web app has no screen for accounts yet, so an administrator sets up staff and committee
members from the command line. A membership is created or changed with an audit event (actor:
none, the command line), so who got which role and 委員の区分 stays in the trail like any edit.
A new login gets a generated password printed once; it is never stored in clear.
"""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sousei.web.accounts.models import CommitteeSector, Membership, Organisation, Role
from sousei.web.audit.record import record_event
from sousei.web.strategies.versioning import snapshot


def _organisation(text: str) -> Organisation:
    found = Organisation.objects.filter(code=text) | Organisation.objects.filter(name=text)
    if not found.exists() and text.isdigit():
        found = Organisation.objects.filter(code__startswith=text[:5])
    if found.count() != 1:
        names = "、".join(o.name for o in Organisation.objects.order_by("name")[:20])
        raise CommandError(f"団体 {text!r} が見つかりません (登録済み: {names})")
    return found.get()


class Command(BaseCommand):
    help = "利用者に団体での役割を与えます(利用者がいなければ作成し、初期パスワードを表示)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="ユーザー名")
        parser.add_argument("--organisation", "-o", required=True, help="団体の名称または団体コード")
        parser.add_argument("--role", "-r", required=True, choices=list(Role.values),
                            help="役割 (" + "、".join(f"{v}: {label}" for v, label in Role.choices) + ")")
        parser.add_argument("--department", default="", help="担当課 (担当課の役割のとき)")
        parser.add_argument("--sector", default="", choices=["", *CommitteeSector.values],
                            help="委員の区分 (検証委員のとき: 産・官・学・金・労・言・士)")

    def handle(self, *args: object, **options: str) -> None:
        organisation = _organisation(options["organisation"])
        role, sector = options["role"], options["sector"]
        if sector and role != Role.COMMITTEE:
            raise CommandError("委員の区分は検証委員(committee)にだけ指定できます")
        if role == Role.DEPARTMENT and not options["department"]:
            raise CommandError("担当課の役割には --department で課の名称を指定してください")
        users = get_user_model()
        with transaction.atomic():
            user, created = users.objects.get_or_create(username=options["username"])
            password = None
            if created:
                password = secrets.token_urlsafe(12)
                user.set_password(password)
                user.save()
            membership = Membership.objects.filter(user=user, organisation=organisation).first()
            before = snapshot(membership) if membership else None
            if membership is None:
                membership = Membership(user=user, organisation=organisation)
            membership.role, membership.sector = role, sector
            membership.department = options["department"]
            membership.full_clean()
            membership.save()
            action = "membership.create" if before is None else "membership.update"
            record_event(None, membership, action, before=before, after=snapshot(membership))
        label = dict(Role.choices)[role] + (f"({sector})" if sector else "")
        self.stdout.write(f"{user.username} を {organisation.name} の{label}にしました")
        if password:
            self.stdout.write(f"初期パスワード: {password} (最初のログイン後に変更してください)")
