"""An organisation's saved scenarios and its 将来展望 (the chosen one): read on every projection
page and, for the choice, on every strategy page, so compiled once (web/prepared.py)."""

from __future__ import annotations

from sousei.web.accounts.models import Organisation
from sousei.web.prepared import Prepared
from sousei.web.vision.models import SavedScenario, VisionChoice

_SAVED = Prepared(lambda pk: SavedScenario.objects.filter(organisation_id=pk))
_CHOICE = Prepared(lambda pk: VisionChoice.objects.filter(organisation_id=pk)
                   .select_related("scenario").order_by("pk")[:1])


def saved_scenarios(organisation: Organisation) -> list[SavedScenario]:
    """`organisation.scenarios.all()` in the model's order, each knowing its organisation."""
    saved = _SAVED(organisation.pk)
    for scenario in saved:
        scenario.organisation = organisation
    return saved


def vision_choice(organisation: Organisation) -> VisionChoice | None:
    """The organisation's VisionChoice (at most one) with its scenario, or None."""
    return _CHOICE.first(organisation.pk)
