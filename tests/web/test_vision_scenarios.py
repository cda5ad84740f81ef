"""Scenarios through the views: saving, previewing, the logic checks and who may edit."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from sousei.web.audit.models import Event
from sousei.web.vision.models import PopulationDataset, SavedScenario

from .vision_pages import FERTILITY, NOTHING, YOUTH, comparison_rows

ELDERLY_DIFF = "老年人口(65歳以上)(基準推計との差)"
YEARS = list(range(2015, 2061, 5))


def _create(client, org, data):
    return client.post(reverse("vision:new_scenario", args=[org.pk]), data)


def test_planning_saves_a_scenario_as_the_file_mapping(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    assert _create(client, home.organisation, {**FERTILITY, **YOUTH, "name": "両方"}).status_code == 302
    saved = SavedScenario.objects.get(organisation=home.organisation)
    assert saved.mapping == {
        "name": "両方", "description": "", "tfr": {"change": 0.1, "by": 2060},
        "migration": [{"ages": "10-29", "sex": "both", "change_points_per_year": 0.5}],
    }
    assert Event.objects.filter(action="scenario.create", object_id=str(saved.pk)).exists()
    page = client.get(reverse("vision:projection", args=[home.organisation.pk])).content.decode()
    assert "両方" in page and "基準推計" in page


def test_fertility_and_youth_migration_leave_the_elderly_alone(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    for data in (FERTILITY, YOUTH, NOTHING):
        assert _create(client, home.organisation, data).status_code == 302
    rows = comparison_rows(
        client.get(reverse("vision:projection", args=[home.organisation.pk])).content.decode())
    # Births after 2015 are under 45 in 2060: the 65+ never change in the fertility scenario.
    assert rows[("出生率向上", ELDERLY_DIFF)] == ["0"] * len(YEARS)
    assert rows[("出生率向上", "総人口(基準推計との差)")][-1] != "0"
    # Those aged 10-29 from 2015 on are 65-69 first in 2055 (the 25-29 of 2015).
    youth = dict(zip(YEARS, rows[("若者定着", ELDERLY_DIFF)], strict=True))
    assert all(youth[y] == "0" for y in YEARS if y <= 2050)
    assert youth[2055] != "0" and youth[2060] != "0"
    # No change at all: every figure equals the baseline's, every difference is 0.
    baseline = {ind: cells for (name, ind), cells in rows.items() if name == "基準推計"}
    for (name, indicator), cells in rows.items():
        if name != "変更なし":
            continue
        if indicator.endswith("(基準推計との差)"):
            assert cells == ["0"] * len(YEARS)
        else:
            assert cells == baseline[indicator]


def test_preview_redraws_the_comparison_without_saving(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    response = client.post(reverse("vision:preview", args=[home.organisation.pk]), FERTILITY,
                           HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.startswith('<div id="comparison">') and "<html" not in body
    assert ("出生率向上", ELDERLY_DIFF) in comparison_rows(body)
    assert not SavedScenario.objects.exists()


def test_bad_form_shows_the_error_and_saves_nothing(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    response = _create(client, home.organisation, {**YOUTH, "mig0_ages": "10-27"})
    assert response.status_code == 422
    assert "5歳階級の境目" in response.content.decode()
    assert not SavedScenario.objects.exists()


def test_stale_edit_is_refused(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    _create(client, home.organisation, FERTILITY)
    saved = SavedScenario.objects.get()
    url = reverse("vision:edit_scenario", args=[saved.pk])
    assert client.post(url, {**FERTILITY, "tfr_value": "0.2", "version": "1"}).status_code == 302
    response = client.post(url, {**FERTILITY, "tfr_value": "0.3", "version": "1"})
    assert response.status_code == 409
    saved.refresh_from_db()
    assert (saved.version, saved.mapping["tfr"]["change"]) == (2, 0.2)


@pytest.mark.parametrize("role", ["department", "committee", "viewer"])
def test_readers_see_but_cannot_edit(world, login, role: str) -> None:
    home = world["home"]
    login(home.users["planning"])
    _create(login(home.users["planning"]), home.organisation, FERTILITY)
    saved = SavedScenario.objects.get()
    client = login(home.users[role])
    page = client.get(reverse("vision:projection", args=[home.organisation.pk]))
    assert page.status_code == 200 and "出生率向上" in page.content.decode()
    assert "シナリオを作成する" not in page.content.decode()
    assert _create(client, home.organisation, YOUTH).status_code == 404
    assert client.get(reverse("vision:edit_scenario", args=[saved.pk])).status_code == 404
    assert client.post(reverse("vision:preview", args=[home.organisation.pk]),
                       YOUTH).status_code == 404
    assert SavedScenario.objects.count() == 1


def test_outsider_gets_404_everywhere(world, login) -> None:
    home = world["home"]
    _create(login(home.users["planning"]), home.organisation, FERTILITY)
    saved = SavedScenario.objects.get()
    client = login(world["outsider"].users["planning"])
    org = home.organisation.pk
    for url in (reverse("vision:state", args=[org]), reverse("vision:projection", args=[org]),
                reverse("vision:new_scenario", args=[org]),
                reverse("vision:edit_scenario", args=[saved.pk])):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("vision:choose", args=[org]), {"scenario": saved.pk}).status_code == 404


def test_chosen_vision_appears_on_the_strategy_page(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    _create(client, home.organisation, FERTILITY)
    saved = SavedScenario.objects.get()
    response = client.post(reverse("vision:choose", args=[home.organisation.pk]), {
        "scenario": saved.pk, "target_population": "300000", "target_year": "2060",
        "version": "0"})
    assert response.status_code == 302
    assert Event.objects.filter(action="vision.choose").count() == 1
    tree = reverse("strategies:tree", args=[home.strategy.pk])
    for role in ("planning", "committee"):
        body = login(home.users[role]).get(tree).content.decode()
        assert "将来展望「出生率向上」、目標人口 300,000人(2060年)" in body
    # Only planning may choose.
    client = login(home.users["committee"])
    assert client.post(reverse("vision:choose", args=[home.organisation.pk]),
                       {"scenario": saved.pk}).status_code == 404


def test_another_organisations_scenario_as_the_choice_is_404_not_a_clear(world, login) -> None:
    """Posting a scenario the organisation does not own must not be read as "no scenario"
    and silently clear the chosen 将来展望."""
    home, outsider = world["home"], world["outsider"]
    _create(login(home.users["planning"]), home.organisation, FERTILITY)
    mine = SavedScenario.objects.get(organisation=home.organisation)
    _create(login(outsider.users["planning"]), outsider.organisation, YOUTH)
    theirs = SavedScenario.objects.get(organisation=outsider.organisation)
    client = login(home.users["planning"])
    url = reverse("vision:choose", args=[home.organisation.pk])
    assert client.post(url, {"scenario": mine.pk, "version": "0"}).status_code == 302
    for foreign in (theirs.pk, 10**9, "x"):
        assert client.post(url, {"scenario": foreign, "version": "1"}).status_code == 404
    assert home.organisation.vision_choice.scenario == mine
    assert client.post(url, {"scenario": "", "version": "1"}).status_code == 302
    home.organisation.vision_choice.refresh_from_db()
    assert home.organisation.vision_choice.scenario is None


def test_demo_has_a_dataset_and_two_scenarios(db, client) -> None:
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    dataset = PopulationDataset.objects.get()
    assert (dataset.version, dataset.base_year) == (1, 2015)
    assert list(SavedScenario.objects.values_list("name", flat=True)) == ["出生率向上", "若者定着"]
    client.force_login(get_user_model().objects.get(username="demo-viewer"))
    body = client.get(reverse("vision:projection", args=[dataset.organisation.pk])).content.decode()
    assert "若者定着" in body and "老年人口(65歳以上)(基準推計との差)" in body


def test_ipss_figures_are_shown_next_to_the_projection(world, login) -> None:
    home = world["home"]
    body = login(home.users["committee"]).get(
        reverse("vision:projection", args=[home.organisation.pk])).content.decode()
    old = body.split('id="ipss2018"')[1].split("</table>")[0]
    # IPSS 2018 starts from the 2015 census: 久留米市 304,552 + 大川市 34,838.
    assert '<td class="num">339,390</td>' in old
    assert old.count('<td class="num">') == 7 * 4  # 2015-2045, total and the three groups
    new = body.split('id="ipss2023"')[1].split("</table>")[0]
    # IPSS 2023, 2025: 久留米市 299,292 + 大川市 30,660; 65+ 88,556 + 11,338.
    assert '<td class="num">329,952</td>' in new and '<td class="num">99,894</td>' in new
    assert new.count('<td class="num">') == 6 * 4  # 2025-2050
    assert "日本の地域別将来推計人口(平成30(2018)年推計)" in body
    assert "日本の地域別将来推計人口(令和5(2023)年推計)" in body


def test_a_share_target_the_data_cannot_carry_is_named_not_hidden(world, login) -> None:
    """Saved while an upload split nationality, the target outlives it: on census data (no
    foreign residents of their own) the page says the target is not in the figures."""
    home = world["home"]
    SavedScenario.objects.create(organisation=home.organisation, name="多文化共生",
                                 mapping={"name": "多文化共生", "foreign": {"share": 10.8, "by": 2070}})
    SavedScenario.objects.create(organisation=home.organisation, name="出生率向上",
                                 mapping={"name": "出生率向上", "tfr": {"change": 0.1, "by": 2060}})
    body = login(home.users["viewer"]).get(
        reverse("vision:projection", args=[home.organisation.pk])).content.decode()
    assert "シナリオ「多文化共生」の外国人比率の目標は" in body
    assert "シナリオ「出生率向上」の外国人比率" not in body


def test_viewers_read_scenarios_but_do_not_download_their_files(world, login) -> None:
    home = world["home"]
    _create(login(home.users["planning"]), home.organisation, FERTILITY)
    saved = SavedScenario.objects.get()
    toml = reverse("vision:scenario_toml", args=[saved.pk])
    viewer = login(home.users["viewer"])
    page = viewer.get(reverse("vision:projection", args=[home.organisation.pk])).content.decode()
    assert "出生率向上" in page and toml not in page and "TOMLで保存" not in page
    assert viewer.get(toml).status_code == 404
    committee = login(home.users["committee"])
    assert committee.get(toml).status_code == 200
    assert "TOMLで保存" in committee.get(
        reverse("vision:projection", args=[home.organisation.pk])).content.decode()
