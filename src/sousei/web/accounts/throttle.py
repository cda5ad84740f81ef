"""Login throttling: more than LOGIN_THROTTLE_LIMIT attempts for a user name or from an address
within the window lock it until the window ends.

An attempt is *reserved* before the password is checked, in one transaction holding the
counters' row locks: 20 parallel guesses cannot all pass a "fewer than 5 so far?" check before
any of them is counted (which the earlier check-then-count in the cache allowed). A successful
login clears the counters; a failed one keeps its reserved count. Counts live in the database,
so every worker of a multi-worker server shares them.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sousei.web.accounts.models import LoginAttempts


def _keys(username: str, address: str) -> list[str]:
    digest = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    return sorted([f"user:{digest}", f"addr:{address[:90]}"])


def reserve(username: str, address: str) -> bool:
    """Count one attempt for the user name and the address; False (nothing counted) when
    either has reached the limit within the window."""
    now = timezone.now()
    window_open = now - timedelta(seconds=settings.LOGIN_THROTTLE_WINDOW)
    keys = _keys(username, address)
    with transaction.atomic():
        LoginAttempts.objects.filter(window_start__lt=window_open).delete()
        for key in keys:
            LoginAttempts.objects.get_or_create(key=key, defaults={"window_start": now})
        rows = list(LoginAttempts.objects.select_for_update().filter(key__in=keys).order_by("key"))
        if any(row.count >= settings.LOGIN_THROTTLE_LIMIT for row in rows):
            return False
        for row in rows:
            row.count += 1
            row.save(update_fields=["count"])
    return True


def clear(username: str, address: str) -> None:
    LoginAttempts.objects.filter(key__in=_keys(username, address)).delete()


def client_address(meta: dict[str, str]) -> str:
    """The address the throttle counts: REMOTE_ADDR, or behind SOUSEI_FORWARDED_FOR=N trusted
    proxies the N-th address from the right of X-Forwarded-For (the one the nearest of our
    proxies appended; entries further left are whatever the client sent)."""
    proxies = settings.LOGIN_THROTTLE_PROXIES
    forwarded = [a.strip() for a in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return meta.get("REMOTE_ADDR", "")
