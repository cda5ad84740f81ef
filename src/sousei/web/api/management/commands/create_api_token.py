"""`sousei-manage create_api_token USER --name 用途`: a token for scripts entering actuals."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sousei.web.accounts.models import Membership
from sousei.web.api.models import ApiToken
from sousei.web.audit.record import record_event


class Command(BaseCommand):
    help = "APIトークンを発行します (トークンは一度だけ表示されます)"

    def add_arguments(self, parser) -> None:
        parser.add_argument("username", help="ユーザー名")
        parser.add_argument("--name", default="API", help="用途 (例: 実績値の自動入力)")

    def handle(self, *args, **options) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"ユーザー '{options['username']}' が見つかりません")
        with transaction.atomic():  # one event in each organisation the user belongs to
            token, key = ApiToken.issue(user, options["name"])
            for membership in Membership.objects.filter(user=user):
                record_event(None, membership, "APIトークンの発行",
                             after={"user": user.username, "name": token.name,
                                    "prefix": token.prefix})
        self.stdout.write(key)
