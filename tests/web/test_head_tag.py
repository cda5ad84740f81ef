"""`{% page_assets %}` writes what `{% htmx_script %}` and `{% static %}` write (web/head_tag.py),
kept once per process, and a CSP nonce still reaches the script."""

from __future__ import annotations

from django.template import engines

from sousei.web.head_tag import _kept


def _render(text: str, **context: object) -> str:
    return engines["django"].from_string(text).render(context)


def test_the_kept_assets_are_django_s_tags_text() -> None:
    django_s = _render("{% load django_htmx static %}{% htmx_script %}\n"
                       "<link rel=\"stylesheet\" href=\"{% static 'sousei/tokens.css' %}\">\n"
                       "<link rel=\"stylesheet\" href=\"{% static 'sousei/site.css' %}\">")
    assert _render("{% page_assets %}") == django_s
    assert _render("{% page_assets %}") == django_s and _kept.cache_info().hits >= 1
    assert "htmx" in django_s and "site.css" in django_s


def test_a_nonce_reaches_the_script_and_is_not_kept() -> None:
    with_nonce = _render("{% page_assets %}", csp_nonce="n0nce")
    assert 'nonce="n0nce"' in with_nonce
    assert 'nonce="n0nce"' not in _render("{% page_assets %}")
