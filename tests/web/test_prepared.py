"""Prepared queries give what their querysets give: same rows, fields, related objects and
converted values (datetimes, decimals, booleans), on SQLite and on PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sousei.web.accounts.access import _owner_path
from sousei.web.accounts.models import Membership
from sousei.web.prepared import Prepared
from sousei.web.strategies.models import KPI, Actual, Comment


def _fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def test_the_owner_chain_comes_in_one_query_with_every_level(world) -> None:
    kpi = world["home"].kpi
    chain = Prepared(lambda pk: KPI.objects.select_related(*_owner_path(KPI)).filter(pk=pk))
    with CaptureQueriesContext(connection) as queries:
        (got,) = chain(kpi.pk)
        organisation = got.organisation
        names = (got.project.name, got.project.measure.direction.goal.name, got.strategy.name)
    assert len(queries) == 1
    assert organisation == world["home"].organisation
    assert names == (kpi.project.name, kpi.project.measure.direction.goal.name,
                     kpi.strategy.name)
    assert _fields(got) == _fields(KPI.objects.get(pk=kpi.pk))
    assert isinstance(got.target_value, Decimal) and got.target_value == Decimal(1000)
    assert not got._state.adding and got._state.db == "default"
    assert chain(kpi.pk + 10_000) == []


def test_nullable_joins_and_datetimes(world) -> None:
    home = world["home"]
    author, planner = home.users["committee"], home.users["planning"]
    Comment.objects.create(kpi=home.kpi, author=author, body="来場者の内訳は")
    Comment.objects.create(kpi=home.kpi, author=author, body="前年比は", reply="示します",
                           replied_by=planner)
    comments = Prepared(lambda pk: Comment.objects.select_related("author", "replied_by")
                        .filter(kpi_id=pk).order_by("pk"))
    got = comments(home.kpi.pk)
    expected = list(home.kpi.comments.select_related("author", "replied_by").order_by("pk"))
    assert [_fields(c) for c in got] == [_fields(c) for c in expected]
    assert [c.replied_by for c in got] == [None, planner]
    assert got[0].author.username == author.username
    assert got[0].created_at.tzinfo is not None


def test_two_arguments_values_and_booleans(world) -> None:
    home = world["home"]
    user = home.users["department"]
    membership = Prepared(lambda u, o: Membership.objects.filter(user_id=u, organisation_id=o),
                          kinds=(int, int))
    (got,) = membership(user.pk, home.organisation.pk)
    assert (got.role, got.department) == ("department", "商工政策課")
    assert membership(user.pk, world["outsider"].organisation.pk) == []
    users = Prepared(lambda pk: get_user_model().objects.filter(pk=pk))
    assert users(user.pk)[0].is_active is True
    years = Prepared(lambda pk: Actual.objects.filter(kpi_id=pk).order_by("-fiscal_year")
                     .values_list("fiscal_year", flat=True))
    Actual.objects.create(kpi=home.kpi, fiscal_year=2023, state="number", value=Decimal(750))
    assert years(home.kpi.pk) == [2023, 2022]


def test_text_arguments_and_session_dates(client, world) -> None:
    client.force_login(world["home"].users["viewer"])
    key = client.session.session_key
    session = Prepared(lambda k: Session.objects.filter(session_key=k), kinds=(str,))
    (got,) = session(key)
    stored = Session.objects.get(session_key=key)
    assert (got.session_data, got.expire_date) == (stored.session_data, stored.expire_date)
    assert got.expire_date.tzinfo is not None
    assert session("no-such-key") == []


def test_arguments_must_be_ids_each_used_once(world) -> None:
    unused = Prepared(lambda pk, other: KPI.objects.filter(pk=pk), kinds=(int, int))
    with pytest.raises(ValueError, match="一度ずつ"):
        unused(1, 2)
    with pytest.raises(TypeError, match="引数は 1 個"):
        Prepared(lambda pk: KPI.objects.filter(pk=pk))(1, 2)
    chain = Prepared(lambda pk: KPI.objects.filter(pk=pk))
    with pytest.raises(ValueError):
        chain("abc")


def test_a_deferred_field_is_read_when_asked(world) -> None:
    from sousei.web.vision.models import PopulationDataset

    home = world["home"]
    PopulationDataset.objects.create(organisation=home.organisation, version=1, source="住基", base_year=2020, rows=1,
                                     file_name="a.csv", content="code,year\n40203,2020\n")
    latest = Prepared(lambda pk: PopulationDataset.objects.filter(organisation_id=pk)
                      .defer("content").order_by("-version")[:1])
    (got,) = latest(home.organisation.pk)
    assert "content" in got.get_deferred_fields()
    with CaptureQueriesContext(connection) as queries:
        assert got.content.startswith("code,year")
    assert len(queries) == 1


def test_member_areas_of_the_partnership(world) -> None:
    from sousei.web.vision.data import member_areas, organisation_codes

    partnership = world["home"].organisation
    assert member_areas(partnership.pk) == [("40203", "久留米市"), ("40212", "大川市")]
    assert organisation_codes(partnership) == ("40203", "40212")
