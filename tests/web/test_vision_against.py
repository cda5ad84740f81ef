"""The projection page takes its differences from any scenario the planner picks."""

from __future__ import annotations

import re

from django.urls import reverse

from sousei.web.vision.models import SavedScenario


def test_differences_against_a_chosen_scenario(world, login) -> None:
    home = world["home"]
    for name, mapping in (("出生率向上", {"name": "出生率向上", "tfr": {"change": 0.3, "by": 2040}}),
                          ("若者定着", {"name": "若者定着", "migration": [
                              {"ages": "15-34", "change_points_per_period": 2}]})):
        SavedScenario.objects.create(organisation=home.organisation, name=name, mapping=mapping)
    client = login(home.users["viewer"])
    url = reverse("vision:projection", args=[home.organisation.pk])
    body = client.get(url).content.decode()
    assert '<select name="against" id="id_against"' in body and "(出生率向上との差)" not in body
    body = client.get(url, {"against": "出生率向上"}).content.decode()
    table = body.split('<table class="comparison">', 1)[1].split("</table>", 1)[0]
    assert '<option value="出生率向上" selected>' in body
    assert re.search(r'<tr class="difference"><th scope="row">[^<]*</th><td>[^<]*\(出生率向上との差\)',
                     table)
    assert client.get(url, {"against": "ない"}).status_code == 200  # unknown: the baseline
