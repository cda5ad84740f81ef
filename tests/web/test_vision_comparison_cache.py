"""The projection page's kept comparison is never served after what it was computed from
changed: an edited scenario, another area, a removed scenario each give their own figures,
the same as a fresh computation."""

from __future__ import annotations

from django.urls import reverse

from sousei.web.vision import comparison_cache
from sousei.web.vision.models import SavedScenario

from .vision_pages import FERTILITY, comparison_rows

TOTAL_DIFF = ("出生率向上", "総人口(基準推計との差)")


def _rows(client, org, **query):
    return comparison_rows(client.get(reverse("vision:projection", args=[org.pk]),
                                      query).content.decode())


def test_an_edited_scenario_is_computed_again(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    client.post(reverse("vision:new_scenario", args=[home.organisation.pk]), FERTILITY)
    saved = SavedScenario.objects.get()
    small = _rows(client, home.organisation)[TOTAL_DIFF]
    assert _rows(client, home.organisation)[TOTAL_DIFF] == small  # kept: the same figures
    edit = reverse("vision:edit_scenario", args=[saved.pk])
    assert client.post(edit, {**FERTILITY, "tfr_value": "0.3", "version": "1"}).status_code == 302
    large = _rows(client, home.organisation)[TOTAL_DIFF]
    assert large != small
    comparison_cache._KEPT.clear()
    assert _rows(client, home.organisation)[TOTAL_DIFF] == large  # as computed afresh
    saved.delete()
    assert TOTAL_DIFF not in _rows(client, home.organisation)
