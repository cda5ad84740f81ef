"""`{% url %}` with the reversed paths kept per process (a template builtin, settings.TEMPLATES).

Django's `reverse` walks the URL patterns and quotes the arguments on every call: 0.02-0.03 ms,
and a page has 10-25 links (the projection page's took 0.6 ms of its 5). The answer depends only
on the view name, the arguments, the current application, the script prefix and the URLconf, so
it is kept under exactly these, for arguments whose text is all `reverse` uses of them (int and
str). Any other argument (a model row, whose text may change while its key does not) is
reversed as Django does it. The tag is Django's own (`django.template.defaulttags.url` parses
it), only the lookup is kept; an unknown view still raises NoReverseMatch at render.
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.template import defaulttags
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

register = template.Library()
# Exact types: True is an int whose text is "True"; a template's literals are SafeStrings.
_KEYED = (int, str, SafeString)


@lru_cache(maxsize=4096)
def _reversed(view_name: str, args: tuple, kwargs: tuple, current_app: str | None,
              prefix: str, urlconf: object) -> str:
    # `prefix` and `urlconf` are in the key only: reverse reads them from the thread.
    return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)


def _current_app(context: template.Context) -> str | None:
    request = getattr(context, "request", None)
    app = getattr(request, "current_app", None)
    if app is None:
        app = getattr(getattr(request, "resolver_match", None), "namespace", None)
    return app


class KeptURLNode(defaulttags.URLNode):
    def render(self, context: template.Context) -> str:
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = tuple((k, v.resolve(context)) for k, v in self.kwargs.items())
        view_name = self.view_name.resolve(context)
        current_app = _current_app(context)
        try:
            if type(view_name) in _KEYED and all(type(v) in _KEYED for v in args) and all(
                    type(v) in _KEYED for _, v in kwargs):
                url = _reversed(view_name, args, kwargs, current_app, get_script_prefix(),
                                get_urlconf())
            else:
                url = reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
            url = ""
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser: template.base.Parser, token: template.base.Token) -> KeptURLNode:
    """Django's `{% url %}` (same syntax, same errors), the path kept as above."""
    node = defaulttags.url(parser, token)
    return KeptURLNode(node.view_name, node.args, node.kwargs, node.asvar)
