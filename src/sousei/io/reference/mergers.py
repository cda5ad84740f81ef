"""Old municipality codes mapped across 廃置分合 (mergers, city status, ward reorganisations).

Data keyed by a code that no longer exists (2015 census: 40305 那珂川町; IPSS 2018: 04423 is
already 04216) must be joined to today's codes. Events are followed as a chain, earliest first,
up to a given date. A code that was split among several successors has no single heir, so it
is refused with the list of successors instead of being guessed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from sousei.io.reference import shipped
from sousei.io.reference.codes import AreaCodeError, normalize_code


@dataclass(frozen=True)
class Change:
    date: dt.date
    reason: str
    old_code: str
    old_name: str
    new_code: str
    new_name: str


@cache
def _changes_by_old_code() -> dict[str, tuple[Change, ...]]:
    """Events grouped by the code that disappeared; district (郡) events are left out because
    a 郡 is not a municipality and its code never labels population data."""
    grouped: dict[str, list[Change]] = defaultdict(list)
    for event in shipped.municipal_changes_shared():
        old, new = event["old"], event["new"]
        if old["name"].endswith("郡") or old["code"] == new["code"]:
            continue
        change = Change(
            dt.date.fromisoformat(event["date"]),
            event["reason"],
            old["code"],
            old["name"],
            new["code"],
            new["name"],
        )
        grouped[old["code"]].append(change)
    return {code: tuple(sorted(events, key=lambda c: c.date)) for code, events in grouped.items()}


def _as_date(value: dt.date | str | None, default: dt.date) -> dt.date:
    if value is None:
        return default
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def changes_of(code: str | int) -> tuple[Change, ...]:
    """The events in which ``code`` disappeared, by date."""
    return _changes_by_old_code().get(normalize_code(code), ())


def current_code(
    code: str | int,
    at: dt.date | str | None = None,
    since: dt.date | str | None = None,
) -> str:
    """The code that ``code`` had become at date ``at`` (default: today's master).

    Only events after ``since`` (the date the code was valid, e.g. ``"2015-10-01"`` for the
    2015 census) are followed. ``40305`` -> ``40231`` (那珂川町 → 那珂川市, 2018-10-01);
    ``04423`` -> ``04216``. A split raises :class:`AreaCodeError` naming the successors.
    """
    cursor = normalize_code(code)
    start = _as_date(since, dt.date.min)
    end = _as_date(at, dt.date.max)
    seen = {cursor}
    inclusive = False  # events of the same day chain (大宮町 absorbs 4 villages, then merges)
    while True:
        pending = [
            c
            for c in _changes_by_old_code().get(cursor, ())
            if (start <= c.date if inclusive else start < c.date) and c.date <= end
        ]
        if not pending:
            return cursor
        first = pending[0].date
        heirs = sorted({c.new_code for c in pending if c.date == first})
        if len(heirs) > 1:
            names = "、".join(f"{c.new_name} ({c.new_code})" for c in pending if c.date == first)
            raise AreaCodeError(
                f"地域コード {cursor} ({pending[0].old_name}) は {first.isoformat()} に"
                f"分割されたため、1つの現コードに対応しません: {names}"
            )
        cursor = heirs[0]
        if cursor in seen:  # a cycle would be a data error; stop instead of looping
            raise AreaCodeError(f"地域コード {code} の変更履歴が循環しています")
        seen.add(cursor)
        start, inclusive = first, True


def code_mapping(codes: list[str], at: dt.date | str | None = None, since=None) -> dict[str, str]:
    """``{old: current}`` for many codes at once (a split raises as in :func:`current_code`)."""
    return {code: current_code(code, at=at, since=since) for code in codes}
