"""`{% url %}` keeps reversed paths (web/url_tag.py): the same text as Django's `reverse` for any
arguments, the same errors, and a changed script prefix is a different path."""

from __future__ import annotations

import pytest
from django.template import Context, Engine, Template, engines
from django.urls import NoReverseMatch, reverse, set_script_prefix
from hypothesis import given
from hypothesis import strategies as st

from sousei.web.url_tag import KeptURLNode, _reversed


def _render(text: str, **context: object) -> str:
    return engines["django"].from_string(text).render(context)


def test_the_project_engine_uses_the_kept_tag() -> None:
    template = engines["django"].from_string("{% url 'vision:state' 7 %}")
    assert isinstance(template.template.nodelist[0], KeptURLNode)


@given(pk=st.integers(min_value=0, max_value=10**12), year=st.integers(1900, 2200))
def test_the_same_text_as_reverse_and_a_second_render_is_kept(pk: int, year: int) -> None:
    text = "{% url 'strategies:actual_entry' pk year %}|{% url 'vision:state' pk=pk %}"
    expected = (reverse("strategies:actual_entry", args=[pk, year]) + "|"
                + reverse("vision:state", kwargs={"pk": pk}))
    assert _render(text, pk=pk, year=year) == expected
    hits = _reversed.cache_info().hits
    assert _render(text, pk=pk, year=year) == expected
    assert _reversed.cache_info().hits == hits + 2


def test_a_row_or_a_bool_argument_is_reversed_as_django_does() -> None:
    class Row:
        def __init__(self, text: str) -> None:
            self.text = text

        def __str__(self) -> str:
            return self.text

        def __hash__(self) -> int:  # equal keys, different text: must not be kept
            return 1

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Row)

    assert _render("{% url 'vision:state' row %}", row=Row("3")) == reverse("vision:state", args=[3])
    assert _render("{% url 'vision:state' row %}", row=Row("4")) == reverse("vision:state", args=[4])
    with pytest.raises(NoReverseMatch):  # "True" is not a number, as with reverse itself
        _render("{% url 'vision:state' flag %}", flag=True)


def test_errors_and_as_var_are_django_s() -> None:
    with pytest.raises(NoReverseMatch):
        _render("{% url 'no-such-view' 1 %}")
    assert _render("{% url 'no-such-view' 1 as link %}[{{ link }}]") == "[]"
    assert _render("{% url 'vision:state' 5 as link %}[{{ link }}]") == f"[{reverse('vision:state', args=[5])}]"


def test_a_script_prefix_is_part_of_the_key() -> None:
    plain = _render("{% url 'vision:state' 9 %}")
    try:
        set_script_prefix("/sousei/")
        assert _render("{% url 'vision:state' 9 %}") == "/sousei" + plain
    finally:
        set_script_prefix("/")
    assert _render("{% url 'vision:state' 9 %}") == plain


def test_an_engine_without_the_builtin_keeps_django_s_tag() -> None:
    template = Template("{% url 'vision:state' 1 %}", engine=Engine())
    assert type(template.nodelist[0]).__name__ == "URLNode"
    assert template.render(Context()) == reverse("vision:state", args=[1])
