"""Who may see the population vision: every member reads, planning and admin write.

The vision is the organisation's public material, so viewers read it too; anyone without a
membership gets 404 like everywhere else in the app.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest

from sousei.web.accounts.access import membership_for
from sousei.web.accounts.models import Membership, Organisation, Role

WRITERS = {Role.ADMIN, Role.PLANNING}


def organisation_for(request: HttpRequest, pk: object, need: str = "read") -> Organisation:
    try:
        organisation = Organisation.objects.get(pk=pk)
    except (Organisation.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    membership = membership_for(request, organisation)
    if membership is None or (need == "write" and membership.role not in WRITERS):
        raise Http404
    return organisation


def can_write(request: HttpRequest, organisation: Organisation) -> bool:
    membership: Membership | None = membership_for(request, organisation)
    return membership is not None and membership.role in WRITERS
