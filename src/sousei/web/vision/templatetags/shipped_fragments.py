"""`{% shipped_fragment "name" key ... %}...{% endshipped_fragment %}`: a rendered piece of a
page kept per worker process, for pieces made only from the shipped reference tables.

The 現状分析 page prints the census history, the TFR series and the census net migration of
the organisation's areas as tables of several hundred cells: rendering them was a third of
the page's time, and their figures depend on nothing but the area codes (the shipped tables
never change while the process runs). The block is rendered once per name and key values
and kept in this process only, never in a shared cache that could outlive an upgrade of the
shipped tables. A piece that reads anything an organisation uploads, a role or a user must
not use this tag. At most KEPT pieces are kept.
"""

from __future__ import annotations

import threading

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

KEPT = 512
_KEPT: dict[tuple, str] = {}
_LOCK = threading.Lock()


class ShippedFragmentNode(template.Node):
    def __init__(self, name: str, keys: list[template.base.FilterExpression],
                 nodelist: template.NodeList) -> None:
        self.name, self.keys, self.nodelist = name, keys, nodelist

    def render(self, context: template.Context) -> str:
        values = [k.resolve(context) for k in self.keys]
        if any(v in (None, "", ()) for v in values):  # a missing key: never shared, not kept
            return self.nodelist.render(context)
        key = (self.name, *(repr(v) for v in values))
        with _LOCK:
            kept = _KEPT.get(key)
        if kept is not None:
            return kept
        text = mark_safe(self.nodelist.render(context))
        with _LOCK:
            while len(_KEPT) >= KEPT:
                _KEPT.pop(next(iter(_KEPT)))
            _KEPT[key] = text
        return text


@register.tag
def shipped_fragment(parser: template.base.Parser, token: template.base.Token) -> ShippedFragmentNode:
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a quoted name and at least one key")
    name = bits[1].strip("\"'")
    nodelist = parser.parse(("endshipped_fragment",))
    parser.delete_first_token()
    return ShippedFragmentNode(name, [parser.compile_filter(b) for b in bits[2:]], nodelist)
