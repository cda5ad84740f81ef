"""`{% page_assets %}`: the htmx script and the style sheets of every page, built once per
process (a template builtin, settings.TEMPLATES).

`{% htmx_script %}` and two `{% static %}` links looked up the hashed names in the static
manifest on every page: 0.09 ms of a kept KPI page's 1.7. The manifest is read once when the
process starts (Django's storage does not reread it), so the tags' text cannot change while it
runs. A page given a CSP nonce gets the script written for it, not kept.
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django_htmx.jinja import htmx_script

register = template.Library()
STYLE_SHEETS = ("sousei/tokens.css", "sousei/site.css")


def _assets(nonce: object = None) -> SafeString:
    links = format_html_join("", '\n<link rel="stylesheet" href="{}">',
                             ((static(name),) for name in STYLE_SHEETS))
    return format_html("{}{}", htmx_script(nonce=nonce), links)


@lru_cache(maxsize=1)
def _kept() -> SafeString:
    return _assets()


@register.simple_tag(takes_context=True)
def page_assets(context: template.Context) -> SafeString:
    """The `<script>` of htmx and the `<link>`s of the style sheets."""
    nonce = context.get("csp_nonce")
    return _kept() if nonce is None else _assets(nonce)
