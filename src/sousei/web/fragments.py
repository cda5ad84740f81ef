"""Rendered pieces of pages kept per worker process, keyed by every value they are made from.

A page's body (the KPI page's tables, chart, reviews and comments) took half of its time to
render, for figures that change a few times a day. A piece is kept under a key built from
*the rows themselves* (every stored field of every row the piece reads, see `row_key`) plus
the role-dependent flags the view computes: the rows are read from the database on every
request as before, so a save is in the key of the very next GET, in every worker, and there
is nothing to invalidate. Two roles, departments or organisations that would see different
HTML have different keys, since what differs between them is a flag or a row in the key.

Forms in a kept piece carry the CSRF token of whoever views it: the piece is rendered with
`CSRF_PLACEHOLDER` in place of the token and `serve` puts the viewer's own token in.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Hashable, Iterable

from django.db import models
from django.middleware.csrf import get_token
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe

CSRF_PLACEHOLDER = "sousei-csrf-token-placeholder-9f1c"
KEPT = 256  # per worker; a KPI body is ~15 KB


def _hashable(value: object) -> Hashable:
    """JSON fields (lists, mappings) as their canonical text; other values as they are."""
    if isinstance(value, list | dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return value  # type: ignore[return-value]


def row_key(row: models.Model | None) -> tuple:
    """The model and every stored field of `row` (None for no row)."""
    if row is None:
        return ()
    return (row._meta.label,
            *(_hashable(getattr(row, f.attname)) for f in row._meta.concrete_fields))


def rows_key(rows: Iterable[models.Model]) -> tuple:
    return tuple(row_key(r) for r in rows)


class Fragments:
    """At most `kept` rendered pieces, the oldest dropped first."""

    def __init__(self, kept: int = KEPT) -> None:
        self.kept = kept
        self._pieces: dict[Hashable, str] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, render: Callable[[], str]) -> str:
        """The piece of `key`, rendered by `render()` if it is not kept."""
        with self._lock:
            piece = self._pieces.get(key)
        if piece is None:
            piece = render()
            with self._lock:
                while len(self._pieces) >= self.kept:
                    self._pieces.pop(next(iter(self._pieces)))
                self._pieces[key] = piece
        return piece

    def clear(self) -> None:
        with self._lock:
            self._pieces.clear()


def request_token(request) -> str:
    """The viewer's CSRF token, masked once per request: Django masks it anew on every
    `get_token` (32 draws of the system's random source, 0.1 ms), and a page asked twice,
    for its kept piece and for its own forms. Any masking of the same secret is valid; a
    secret rotated within the request (login) is masked afresh."""
    secret = request.META.get("CSRF_COOKIE")
    kept = getattr(request, "_sousei_csrf_token", None)
    if kept is None or kept[0] != secret or secret is None:
        token = str(get_token(request))
        request._sousei_csrf_token = (request.META.get("CSRF_COOKIE"), token)
        return token
    return kept[1]


def csrf_once(request) -> dict[str, object]:
    """Context processor (settings.TEMPLATES): `csrf_token` from `request_token`, in place of
    the built-in processor's own masking."""
    return {"csrf_token": SimpleLazyObject(lambda: request_token(request))}


def serve(request, piece: str) -> SafeString:
    """A kept piece with the viewer's CSRF token in its forms."""
    return mark_safe(piece.replace(CSRF_PLACEHOLDER, request_token(request)))
