"""`get_for_user`: who may read, write, enter, comment, audit and publish what."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.test import RequestFactory

from sousei.web.accounts.access import get_for_user
from sousei.web.strategies.models import KPI, EvaluationSnapshot, Project, Strategy


def _request(user: object) -> object:
    request = RequestFactory().get("/")
    request.user = user
    return request


def _may(world, role: str, model: type, pk: int, need: str, tenant: str = "home") -> bool:
    try:
        get_for_user(_request(world[tenant].users[role]), model, pk, need=need)
    except Http404:
        return False
    return True


@pytest.mark.parametrize(("need", "allowed"), [
    ("read", {"admin", "planning", "department", "committee"}),
    ("write", {"admin", "planning"}),
    ("publish", {"admin", "planning"}),
    ("audit", {"admin", "planning"}),
    ("comment", {"admin", "planning", "committee"}),
    ("enter", {"admin", "planning", "department"}),
])
def test_roles_on_own_kpi(world, need: str, allowed: set[str]) -> None:
    kpi = world["home"].kpi
    granted = {role for role in world["home"].users if _may(world, role, KPI, kpi.pk, need)}
    assert granted == allowed


def test_department_enters_only_kpis_of_its_own_department(world) -> None:
    home = world["home"]
    assert _may(world, "department", KPI, home.kpi.pk, "enter")  # 商工政策課
    assert not _may(world, "department", KPI, home.other_kpi.pk, "enter")  # 農政課
    assert _may(world, "department", KPI, home.other_kpi.pk, "read")


@pytest.mark.parametrize("role", ["admin", "planning", "department", "committee", "viewer"])
@pytest.mark.parametrize("need", ["read", "write", "enter", "comment", "audit", "publish"])
def test_outsider_gets_404_for_everything(world, role: str, need: str) -> None:
    home = world["home"]
    for model, pk in [(Strategy, home.strategy.pk), (Project, home.project.pk),
                      (KPI, home.kpi.pk)]:
        assert not _may(world, role, model, pk, need, tenant="outsider")
        # ... and for the outsider, its own objects are readable except for its viewer
    own = world["outsider"]
    assert _may(world, role, KPI, own.kpi.pk, "read", "outsider") == (role != "viewer")


def test_viewer_reads_the_strategy_only_once_published(world) -> None:
    home = world["home"]
    assert not _may(world, "viewer", Strategy, home.strategy.pk, "read")
    snapshot = EvaluationSnapshot.objects.create(
        strategy_ref=home.strategy, fiscal_year=2022, scheme="standard",
        published_by=home.users["planning"], data={},
    )
    assert _may(world, "viewer", Strategy, home.strategy.pk, "read")
    assert _may(world, "viewer", EvaluationSnapshot, snapshot.pk, "read")
    assert not _may(world, "viewer", KPI, home.kpi.pk, "read")  # live data stays unpublished


def test_missing_and_malformed_ids_are_404(world) -> None:
    for pk in (999999, "abc", None):
        assert not _may(world, "admin", KPI, pk, "read")
