"""Fixtures for web tests; the personas themselves live in personas.py (shared with browser)."""

from __future__ import annotations

import pytest
from django.test import Client

from .personas import Tenant, build_world


@pytest.fixture
def world(db: None) -> dict[str, Tenant]:
    return build_world()


@pytest.fixture
def login(client: Client):
    def _login(user: object) -> Client:
        client.force_login(user)
        return client

    return _login
