"""The one access check. Every view fetches objects through `get_for_user`.

Anything the user may not see or change answers 404, so an outsider cannot even learn that an
object exists. `organisation_for` is the same rule for pages about an organisation as a
whole (the vision). Each model exposes `.organisation` (the owner) and, when it matters,
`.department` (the 担当課 owning a KPI) and `.is_published` (visible to viewers).
"""

from __future__ import annotations

from functools import cache
from typing import Literal, TypeVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import Http404, HttpRequest

from sousei.web.accounts.models import Membership, Organisation, Role
from sousei.web.prepared import Prepared

Need = Literal["read", "write", "enter", "comment", "audit", "publish"]
M = TypeVar("M", bound=models.Model)

_READERS = {Role.ADMIN, Role.PLANNING, Role.DEPARTMENT, Role.COMMITTEE}
_ROLES_FOR: dict[str, set[str]] = {
    "write": {Role.ADMIN, Role.PLANNING},
    "publish": {Role.ADMIN, Role.PLANNING},
    "audit": {Role.ADMIN, Role.PLANNING},
    "comment": {Role.ADMIN, Role.PLANNING, Role.COMMITTEE},
    "enter": {Role.ADMIN, Role.PLANNING, Role.DEPARTMENT},
}


def membership_for(request: HttpRequest, organisation: Organisation) -> Membership | None:
    """The user's membership of `organisation`, asked of the database once per request: a
    KPI page asks for it four times (access, actuals, comments, audit link)."""
    if not request.user.is_authenticated:
        return None
    known: dict[int, Membership | None] = request.__dict__.setdefault("_sousei_memberships", {})
    if organisation.pk not in known:
        known[organisation.pk] = _MEMBERSHIP.first(request.user.pk, organisation.pk)
    return known[organisation.pk]


_ORGANISATION = Prepared(lambda pk: Organisation.objects.filter(pk=pk))
_MEMBERSHIP = Prepared(lambda user, organisation: Membership.objects.filter(
    user_id=user, organisation_id=organisation).order_by("pk")[:1], kinds=(int, int))


def allows(membership: Membership | None, obj: models.Model, need: Need) -> bool:
    """Whether the role in the owning organisation permits `need` on `obj`."""
    if membership is None:
        return False
    role = membership.role
    if need == "read":
        return role in _READERS or bool(getattr(obj, "is_published", False))
    if role not in _ROLES_FOR[need]:
        return False
    if need == "enter" and role == Role.DEPARTMENT:
        owner = getattr(obj, "department", None)
        return bool(owner) and owner == membership.department
    return True


def get_for_user(request: HttpRequest, model: type[M], pk: object, need: Need = "read") -> M:
    """The object with primary key `pk` if the user may `need` it, else Http404."""
    try:
        obj = _with_owners(model).first(pk)
    except (ValueError, TypeError, OverflowError):
        raise Http404 from None
    if obj is None or not allows(membership_for(request, obj.organisation), obj, need):
        raise Http404
    return obj


@cache
def _with_owners(model: type[M]) -> Prepared[M]:
    """The object by primary key with its owners, compiled once (web/prepared.py)."""
    return Prepared(lambda pk: model._default_manager.select_related(*_owner_path(model))
                    .filter(pk=pk))


@cache
def _owner_path(model: type[models.Model]) -> tuple[str, ...]:
    """The foreign keys from `model` up to its organisation (KPI -> project -> measure ->
    direction -> goal -> strategy -> organisation), fetched with the object in one query
    instead of one query a level when the access check asks for `.organisation`."""
    path: list[str] = []
    current = model
    while parent := getattr(current, "parent_name", None):
        field = current._meta.get_field(parent)
        if not field.is_relation or field.related_model is None:
            break
        path.append(parent)
        current = field.related_model
    try:
        if current._meta.get_field("organisation").is_relation:
            path.append("organisation")
    except FieldDoesNotExist:
        pass
    return ("__".join(path),) if path else ()


def organisation_for(
    request: HttpRequest, pk: object, need: Literal["read", "internal", "write"] = "read"
) -> Organisation:
    """The organisation `pk` for pages about it as a whole (the population vision).

    The vision is the organisation's public material, so every member reads it, viewers
    included (`read`); its working material (the uploads with the names of who uploaded them,
    scenario files) is for the staff and the committee, not viewers (`internal`); writing
    follows the same roles as everywhere else (`write`).
    """
    try:
        organisation = _ORGANISATION.first(pk)
    except (ValueError, TypeError, OverflowError):
        raise Http404 from None
    if organisation is None:
        raise Http404
    membership = membership_for(request, organisation)
    if membership is None:
        raise Http404
    if need == "write" and membership.role not in _ROLES_FOR["write"]:
        raise Http404
    if need == "internal" and membership.role not in _READERS:
        raise Http404
    return organisation


def can_write(request: HttpRequest, organisation: Organisation) -> bool:
    """Whether the user may change the organisation's own material (its vision)."""
    membership = membership_for(request, organisation)
    return membership is not None and membership.role in _ROLES_FOR["write"]


def can_read_internal(request: HttpRequest, organisation: Organisation) -> bool:
    """Whether the user sees the vision's working material (data page, scenario files)."""
    membership = membership_for(request, organisation)
    return membership is not None and membership.role in _READERS
