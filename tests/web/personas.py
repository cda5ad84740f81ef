"""Personas shared by tests/web and tests/browser: one user per role in a partnership around
久留米市, and the same five roles in an outsider municipality (嘉麻市) with a strategy of its own.

The partnership strategy follows the 久留米広域連携中枢都市圏 layout (one goal, direction,
measure, project, two KPIs owned by two departments). Figures are made up for tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from sousei.web.accounts.models import (
    CommitteeSector,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
)
from sousei.web.strategies.models import (
    KPI,
    Actual,
    BasicGoal,
    Budget,
    Direction,
    Measure,
    PartnerRole,
    Project,
    Strategy,
)

ROLES = [r.value for r in Role]


@cache
def _hashed(password: str) -> str:
    return make_password(password)


@dataclass
class Tenant:
    organisation: Organisation
    strategy: Strategy
    goal: BasicGoal
    project: Project
    kpi: KPI  # owned by 商工政策課 (the department persona's department)
    other_kpi: KPI  # owned by 農政課
    users: dict[str, object] = field(default_factory=dict)


def _tree(org: Organisation, prefix: str) -> Tenant:
    strategy = Strategy.objects.create(organisation=org, name=f"{prefix}総合戦略",
                                       plan_start=2022, plan_end=2026)
    goal = BasicGoal.objects.create(strategy_ref=strategy, number=1, name="圏域の経済成長")
    direction = Direction.objects.create(goal=goal, number=1, name="地域経済の裾野拡大")
    measure = Measure.objects.create(direction=direction, number=1, name="販路拡大")
    project = Project.objects.create(
        measure=measure, number=1, name=f"{prefix}物産展への出展事業",
        purpose="地場産品のPR・販売", departments="商工政策課",
    )
    kpi = KPI.objects.create(
        project=project, number=1, name="物産展の来場者数", unit="人", direction="higher",
        aggregation="level", target_kind="level", target_value=Decimal(1000),
        target_year=2026, target_text="1,000人(R8)", baseline=Decimal(600), baseline_year=2021,
        department="商工政策課",
    )
    other = KPI.objects.create(
        project=project, number=2, name="新規就農者数", unit="人", aggregation="flow",
        target_kind="cumulative", target_value=Decimal(40), target_year=2026,
        target_text="5年間に40人", department="農政課",
    )
    Budget.objects.create(project=project, fiscal_year=2022, thousand_yen=Decimal(2400))
    Budget.objects.create(project=project, fiscal_year=2023, thousand_yen=Decimal(2350))
    Actual.objects.create(kpi=kpi, fiscal_year=2022, state="number", value=Decimal(700))
    return Tenant(org, strategy, goal, project, kpi, other)


def _users(tenant: Tenant, prefix: str, password: str | None) -> None:
    user_model = get_user_model()
    for role in ROLES:
        # Web tests use force_login (no password); browser tests log in through the form
        # with one argon2 hash made once, so ten users do not cost ten hashings per test.
        user = user_model.objects.create_user(f"{prefix}-{role}")
        if password:
            user.password = _hashed(password)
            user.save(update_fields=["password"])
        Membership.objects.create(
            user=user, organisation=tenant.organisation, role=role,
            department="商工政策課" if role == Role.DEPARTMENT else "",
            sector=CommitteeSector.ACADEMIA if role == Role.COMMITTEE else "",
        )
        tenant.users[role] = user


def build_world(password: str | None = None) -> dict[str, Tenant]:
    """The partnership ("home") and the outsider ("outsider"), users named home-<role>."""
    municipalities = {
        name: Organisation.objects.create(kind=OrganisationKind.MUNICIPALITY, name=name, code=code)
        for name, code in [("久留米市", "40203"), ("大川市", "40212"), ("嘉麻市", "40227")]
    }
    partnership = Organisation.objects.create(
        kind=OrganisationKind.PARTNERSHIP, name="久留米広域連携中枢都市圏"
    )
    partnership.members.set([municipalities["久留米市"], municipalities["大川市"]])
    home = _tree(partnership, "久留米圏")
    PartnerRole.objects.create(project=home.project, municipality=municipalities["久留米市"],
                               label="久留米市", role="出展の調整")
    PartnerRole.objects.create(project=home.project, label="連携市町", role="出展品の調整")
    _users(home, "home", password)
    outsider = _tree(municipalities["嘉麻市"], "嘉麻市")
    _users(outsider, "out", password)
    return {"home": home, "outsider": outsider}
