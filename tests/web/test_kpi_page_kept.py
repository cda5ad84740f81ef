"""The KPI page's kept body (web/fragments.py): never stale after a save, never another role's
or organisation's, and its forms carry the viewer's own CSRF token."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from sousei.web.fragments import CSRF_PLACEHOLDER
from sousei.web.strategies.views import kpi as kpi_view
from sousei.web.strategies.views import tree as tree_view

HTMX = {"HTTP_HX_REQUEST": "true"}
TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")([^"]+)"|("X-CSRFToken": ")([^"]+)"')


def _get(user, name: str, pk: int) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(reverse(name, args=[pk]))
    assert response.status_code == 200
    return response.content.decode()


def _post(user, name: str, pk: int, data: dict) -> None:
    client = Client()
    client.force_login(user)
    client.post(reverse(name, args=[pk]), data)


def _page(user, kpi) -> str:
    return _get(user, "strategies:kpi", kpi.pk)


def _without_tokens(html: str) -> str:
    return TOKEN.sub(lambda m: f'{m.group(1) or m.group(3)}-"', html)


@pytest.fixture(autouse=True)
def _nothing_kept():
    kpi_view.clear_kept()
    yield
    kpi_view.clear_kept()


def test_a_saved_actual_is_on_the_next_view(world) -> None:
    home = world["home"]
    before = _page(home.users["planning"], home.kpi)
    assert "1,234" not in before
    client = Client()
    client.force_login(home.users["department"])
    saved = client.post(reverse("strategies:actual_entry", args=[home.kpi.pk, 2023]),
                        {"state": "number", "value": "1234", "note": "", "version": 0}, **HTMX)
    assert saved.status_code == 200
    after = _page(home.users["planning"], home.kpi)
    assert "1,234" in after
    # The grade moved with the new latest year (令和5年度), as a fresh render says.
    assert "令和5年度時点" in after and "令和4年度時点" in before
    kpi_view.clear_kept()
    assert _without_tokens(_page(home.users["planning"], home.kpi)) == _without_tokens(after)
    # A correction of an earlier year moves neither the latest year nor the number of rows.
    corrected = client.post(reverse("strategies:actual_entry", args=[home.kpi.pk, 2022]),
                            {"state": "number", "value": "750", "note": "", "version": 1}, **HTMX)
    assert corrected.status_code == 200
    page = _page(home.users["planning"], home.kpi)
    assert '<td class="num">750</td>' in page and '<td class="num">700</td>' not in page


def test_a_comment_and_its_reply_are_on_the_next_view(world) -> None:
    home = world["home"]
    _page(home.users["planning"], home.kpi)
    _post(home.users["committee"], "strategies:kpi_comment", home.kpi.pk,
          {"body": "来場者の満足度も把握してください。"})
    page = _page(home.users["planning"], home.kpi)
    assert "来場者の満足度も把握してください。" in page
    comment_pk = int(re.search(r'id="id_reply_(\d+)"', page).group(1))
    _post(home.users["planning"], "strategies:comment_reply", comment_pk,
          {"reply": "次年度の調査項目に加えます。", "version": 1})
    assert "対応方針: 次年度の調査項目に加えます。" in _page(home.users["committee"], home.kpi)


def test_a_review_is_on_the_next_view(world) -> None:
    home = world["home"]
    _page(home.users["department"], home.kpi)
    _post(home.users["department"], "strategies:kpi_review", home.kpi.pk,
          {"fiscal_year": 2022, "version": 0, "self_evaluation": "出展回数を増やした。",
           "next_step": "拡充"})
    page = _page(home.users["committee"], home.kpi)
    assert "出展回数を増やした。" in page and "<td>拡充</td>" in page


@pytest.mark.parametrize("first", ["planning", "committee", "department", "admin"])
def test_each_role_sees_what_a_fresh_render_shows_it(world, first) -> None:
    """Whoever filled the kept body first, every role gets the page rendered for it alone."""
    home = world["home"]
    _page(home.users[first], home.kpi)
    for kpi in (home.kpi, home.other_kpi):  # the department owns the first KPI only
        warm = {role: _page(home.users[role], kpi)
                for role in ("planning", "committee", "department", "admin")}
        for role, page in warm.items():
            kpi_view.clear_kept()
            assert _without_tokens(page) == _without_tokens(_page(home.users[role], kpi)), role
    committee, department = _page(home.users["committee"], home.kpi), _page(
        home.users["department"], home.kpi)
    assert "意見を登録" in committee and "hx-get" not in committee
    assert "hx-get" in department and "意見を登録" not in department
    assert "hx-get" not in _page(home.users["department"], home.other_kpi)


def test_an_outsider_gets_404_after_the_body_is_kept(world) -> None:
    home, outsider = world["home"], world["outsider"]
    _page(home.users["planning"], home.kpi)
    client = Client()
    client.force_login(outsider.users["planning"])
    assert client.get(reverse("strategies:kpi", args=[home.kpi.pk])).status_code == 404


def test_kept_forms_carry_the_viewers_own_token(world) -> None:
    """A second user's page comes from the body the first one filled; posting its review form
    with the token found in it passes the CSRF check."""
    home = world["home"]
    _page(home.users["planning"], home.kpi)
    client = Client(enforce_csrf_checks=True)
    client.force_login(home.users["department"])
    html = client.get(reverse("strategies:kpi", args=[home.kpi.pk])).content.decode()
    assert CSRF_PLACEHOLDER not in html
    form = re.search(r'class="review-form" data-fy="2023">.*?name="csrfmiddlewaretoken" '
                     r'value="([^"]+)"', html, re.S)
    response = client.post(reverse("strategies:kpi_review", args=[home.kpi.pk]),
                           {"csrfmiddlewaretoken": form.group(1), "fiscal_year": 2023,
                            "version": 0, "self_evaluation": "", "next_step": "継続"})
    assert response.status_code == 302
    assert "<td>継続</td>" in _page(home.users["committee"], home.kpi)


def _tree(user, strategy) -> str:
    return _get(user, "strategies:tree", strategy.pk)


def test_the_strategy_tree_shows_a_save_at_once_and_nothing_to_outsiders(world) -> None:
    home = world["home"]
    tree_view._TABLES.clear()
    before = _tree(home.users["planning"], home.strategy)
    assert "700人" in before and "評価は令和4年度時点" in before
    client = Client()
    client.force_login(home.users["department"])
    client.post(reverse("strategies:actual_entry", args=[home.kpi.pk, 2022]),
                {"state": "number", "value": "820", "note": "", "version": 1}, **HTMX)
    after = _tree(home.users["committee"], home.strategy)
    assert "820人" in after and "700人" not in after
    tree_view._TABLES.clear()
    assert _without_tokens(_tree(home.users["committee"], home.strategy)) == _without_tokens(after)
    outsider = Client()
    outsider.force_login(world["outsider"].users["planning"])
    assert outsider.get(reverse("strategies:tree", args=[home.strategy.pk])).status_code == 404
    client.force_login(home.users["planning"])
    client.post(reverse("strategies:actual_entry", args=[home.other_kpi.pk, 2024]),
                {"state": "pending", "value": "", "note": "", "version": 0}, **HTMX)
    # A pending actual of a later year moves the year the grades are taken at.
    assert "評価は令和6年度時点" in _tree(home.users["planning"], home.strategy)


def test_a_saved_actual_re_renders_the_body_around_the_kept_discussion(world, monkeypatch) -> None:
    home = world["home"]
    _page(home.users["planning"], home.kpi)
    assert len(kpi_view._DISCUSSIONS._pieces) == 1
    rendered: list[str] = []
    original = kpi_view.render_to_string

    def counting(name: str, context: dict) -> str:
        rendered.append(name)
        return original(name, context)

    monkeypatch.setattr(kpi_view, "render_to_string", counting)
    client = Client()
    client.force_login(home.users["department"])
    client.post(reverse("strategies:actual_entry", args=[home.kpi.pk, 2023]),
                {"state": "number", "value": "1500", "note": "", "version": 0}, **HTMX)
    rendered.clear()
    page = _page(home.users["planning"], home.kpi)
    assert "1,500" in page and rendered == ["strategies/_kpi_body.html"]
    kpi_view.clear_kept()
    assert _without_tokens(_page(home.users["planning"], home.kpi)) == _without_tokens(page)
