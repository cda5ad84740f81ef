"""The projection page's comparison, kept per what it is computed from.

Every view of the projection page re-ran the projection of the baseline and the saved
scenarios with their prediction intervals (10 of its 15 ms). The result depends only on the
latest dataset (or, without one, the organisation's census areas), the saved scenarios'
mappings, the chosen area and the reference scenario (差の基準); a new upload, a changed scenario or another area is another
key. The shipped tables never change while the process runs. At most KEPT entries per worker;
the template only reads what is kept. The comparison's rendered tables (`_comparison.html`,
half of the page's time: a row per scenario and indicator, a cell per year) are kept under
the same key: they read nothing but the comparison and the chart drawn from it and IPSS's
shipped figures, no role, no user, no form.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence

from sousei.io.scenario import scenario_from_mapping
from sousei.web.accounts.models import Organisation
from sousei.web.vision.compute import comparison_context
from sousei.web.vision.data import census_codes, latest_dataset

KEPT = 64
_KEPT: dict[tuple, dict] = {}
_RENDERED: dict[tuple, str] = {}
_LOCK = threading.Lock()


def _key(organisation: Organisation, mappings: Sequence[dict], area: str | None,
         against: str | None) -> tuple:
    latest = latest_dataset(organisation)
    dataset = None if latest is None else (latest.pk, latest.uploaded_at, latest.version)
    return (organisation.pk, organisation.name, dataset, census_codes(organisation),
            json.dumps(list(mappings), sort_keys=True, ensure_ascii=False, default=str), area, against)


def projection_comparison(organisation: Organisation, mappings: Sequence[dict],
                          area: str | None, against: str | None = None) -> dict:
    """`comparison_context` of the saved scenarios' mappings, computed once per key."""
    key = _key(organisation, mappings, area, against)
    with _LOCK:
        if key in _KEPT:
            return {**_KEPT[key], "comparison_key": key}
    context = comparison_context(organisation, [scenario_from_mapping(m) for m in mappings], area,
                                 against)
    with _LOCK:
        while len(_KEPT) >= KEPT:
            _KEPT.pop(next(iter(_KEPT)))
        _KEPT[key] = context
    return {**context, "comparison_key": key}


def rendered_comparison(context: dict, render: Callable[[], str]) -> str:
    """`render()` (the comparison's tables) once per key of `projection_comparison`'s
    `context`; kept as long as the comparison itself may be."""
    key = context["comparison_key"]
    with _LOCK:
        if key in _RENDERED:
            return _RENDERED[key]
    text = render()
    with _LOCK:
        while len(_RENDERED) >= KEPT:
            _RENDERED.pop(next(iter(_RENDERED)))
        _RENDERED[key] = text
    return text
