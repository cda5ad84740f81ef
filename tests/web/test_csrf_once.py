"""The CSRF token is masked once per request (web/fragments.py): the page's own forms and its
kept piece carry the same valid token, and a rotated secret is masked afresh."""

from __future__ import annotations

import re

from django.middleware.csrf import _unmask_cipher_token, rotate_token
from django.test import Client, RequestFactory
from django.urls import reverse

from sousei.web.fragments import request_token


def test_one_masking_per_request_and_a_rotated_secret_masked_afresh() -> None:
    request = RequestFactory().get("/")
    first = request_token(request)
    assert request_token(request) == first
    secret = request.META["CSRF_COOKIE"]
    assert _unmask_cipher_token(first) == secret
    rotate_token(request)
    rotated = request_token(request)
    assert rotated != first and _unmask_cipher_token(rotated) == request.META["CSRF_COOKIE"] != secret


def test_the_kpi_page_s_forms_share_the_token_and_it_passes(world) -> None:
    home = world["home"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(home.users["department"])
    html = client.get(reverse("strategies:kpi", args=[home.kpi.pk])).content.decode()
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
    tokens |= set(re.findall(r'"X-CSRFToken": "([^"]+)"', html))
    assert len(tokens) == 1
    response = client.post(reverse("strategies:kpi_review", args=[home.kpi.pk]),
                           {"csrfmiddlewaretoken": tokens.pop(), "fiscal_year": 2023,
                            "version": 0, "self_evaluation": "", "next_step": "継続"})
    assert response.status_code == 302
