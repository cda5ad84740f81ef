"""save_versioned keeps the parents its caller holds (strategies/versioning.py): the audit
event's organisation comes without walking the owner chain again, and a parent the row no
longer points at is not kept."""

from __future__ import annotations

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sousei.web.accounts.access import _owner_path
from sousei.web.audit.models import Event
from sousei.web.strategies.models import KPI, Actual
from sousei.web.strategies.versioning import save_versioned


def test_a_save_reuses_the_callers_owner_chain_and_audits_its_organisation(world) -> None:
    home = world["home"]
    kpi = KPI.objects.select_related(*_owner_path(KPI)).get(pk=home.kpi.pk)
    actual = Actual.objects.get(kpi=kpi, fiscal_year=2022)
    actual.kpi = kpi
    with CaptureQueriesContext(connection) as queries:
        saved = save_versioned(home.users["planning"], actual, actual.version,
                               {"value": Decimal("812")}, "実績値の修正")
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert "strategies_project" not in tables and "accounts_organisation" not in tables
    event = Event.objects.filter(object_id=str(actual.pk)).latest("pk")
    assert event.organisation == home.organisation and event.after["value"] == "812"
    assert saved.kpi is kpi and Actual.objects.get(pk=actual.pk).value == Decimal("812")


def test_a_parent_the_stored_row_no_longer_points_at_is_read_afresh(world) -> None:
    home = world["home"]
    actual = Actual.objects.get(kpi=home.kpi, fiscal_year=2022)
    other = KPI.objects.exclude(pk=home.kpi.pk).filter(
        project__measure__direction__goal__strategy_ref=home.kpi.strategy).first()
    assert other is not None
    Actual.objects.filter(pk=actual.pk).update(kpi=other)  # moved since the caller read it
    actual.kpi = home.kpi
    saved = save_versioned(home.users["planning"], actual, actual.version,
                           {"note": "移動後"}, "実績値の修正")
    assert saved.kpi == other
