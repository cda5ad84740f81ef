"""Bearer tokens for the API: the token's user acts with the roles of their memberships."""

from __future__ import annotations

import logging

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from sousei.web.api.models import ApiToken, token_hash

log = logging.getLogger("sousei.api")


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = (ApiToken.objects.select_related("user")
                 .filter(key_hash=token_hash(token), revoked=False).first())
        if found is None or not found.user.is_active:
            log.warning("API: 無効なトークンを拒否しました (%s %s)", request.method, request.path)
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found


class SessionAuth:
    """A logged-in browser session reads the API too (GET only, so no CSRF question)."""

    def __call__(self, request: HttpRequest) -> object | None:
        user = getattr(request, "user", None)
        return user if user is not None and user.is_authenticated else None
