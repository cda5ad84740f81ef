"""`sousei-manage load_demo`: organisations, one user per role and the demo strategy.

Idempotent: organisations and users are reused, passwords are renewed and printed at each
run, and the demo strategy is stored once. Only for demonstrations: never on a real server.
"""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from sousei.web.accounts.models import (
    CommitteeSector,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
)
from sousei.web.audit.record import record_event
from sousei.web.strategies.convert import from_core
from sousei.web.strategies.demo_content import FUKUOKA, PARTNERS, PARTNERSHIP, demo_strategy
from sousei.web.strategies.evaluation import evaluate
from sousei.web.strategies.models import EvaluationSnapshot, Strategy
from sousei.web.vision.demo import load_vision_demo


def _organisations() -> Organisation:
    Organisation.objects.get_or_create(kind=OrganisationKind.PREFECTURE, name=FUKUOKA[0],
                                       code=FUKUOKA[1])
    members = [
        Organisation.objects.get_or_create(kind=OrganisationKind.MUNICIPALITY, name=name,
                                           code=code)[0]
        for name, code in PARTNERS
    ]
    partnership, _ = Organisation.objects.get_or_create(kind=OrganisationKind.PARTNERSHIP,
                                                        name=PARTNERSHIP)
    partnership.members.set(members)
    return partnership


def _users(partnership: Organisation) -> list[tuple[str, str, str]]:
    credentials = []
    for role in Role:
        username = f"demo-{role.value}"
        user, _ = get_user_model().objects.get_or_create(username=username)
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save()
        Membership.objects.update_or_create(
            user=user, organisation=partnership,
            defaults={"role": role.value,
                      "department": "商工政策課" if role == Role.DEPARTMENT else "",
                      "sector": CommitteeSector.ACADEMIA if role == Role.COMMITTEE else ""},
        )
        credentials.append((role.label, username, password))
    return credentials


def _publish(planner: object, strategy: Strategy) -> None:
    """Publish the FY2023 evaluation so the viewer persona has something to read."""
    result = evaluate(strategy, 2023)
    snapshot = EvaluationSnapshot.objects.create(
        strategy_ref=strategy, fiscal_year=2023, scheme=result["scheme"],
        published_by=planner, data=result)
    record_event(planner, snapshot, "評価の公表", None, {"fiscal_year": 2023})


class Command(BaseCommand):
    help = "デモ用の組織・利用者・総合戦略を登録する"

    def handle(self, *args: object, **options: object) -> None:
        with transaction.atomic():
            partnership = _organisations()
            credentials = _users(partnership)
            if not Strategy.objects.filter(organisation=partnership, is_demo=True).exists():
                planner = get_user_model().objects.get(username="demo-planning")
                strategy = from_core(planner, partnership, demo_strategy(), is_demo=True)
                _publish(planner, strategy)
            load_vision_demo(get_user_model().objects.get(username="demo-planning"), partnership)
        self.stdout.write(f"デモデータ: {PARTNERSHIP}（構成市町: "
                          + "、".join(name for name, _ in PARTNERS) + "）")
        self.stdout.write("デモ用ログイン情報（このデモ専用。実運用では使わないでください）:")
        for label, username, password in credentials:
            self.stdout.write(f"  {label:<6} ユーザー名 {username:<16} パスワード {password}")
