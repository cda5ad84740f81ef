"""The saved scenarios and the 将来展望 come from prepared queries (web/vision/choices.py): the
rows the ORM gives, in its order, with the chosen scenario in the same single query."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sousei.web.vision.choices import saved_scenarios, vision_choice
from sousei.web.vision.models import SavedScenario, VisionChoice


def test_saved_scenarios_and_the_choice_equal_the_orm_s(world) -> None:
    home, away = world["home"].organisation, world["outsider"].organisation
    assert saved_scenarios(home) == [] and vision_choice(home) is None
    second = SavedScenario.objects.create(organisation=home, name="移住促進", mapping={"a": 1})
    first = SavedScenario.objects.create(organisation=home, name="出生率向上", mapping={"b": [2]})
    SavedScenario.objects.create(organisation=away, name="他団体", mapping={})
    VisionChoice.objects.create(organisation=home, scenario=first, target_population=95_000,
                                target_year=2060)
    with CaptureQueriesContext(connection) as queries:
        saved = saved_scenarios(home)
        choice = vision_choice(home)
        shown = (choice.scenario.name, [s.organisation.name for s in saved])
    assert len(queries) == 2
    assert saved == list(home.scenarios.all()) == [second, first]
    assert [s.mapping for s in saved] == [{"a": 1}, {"b": [2]}]
    assert shown == ("出生率向上", [home.name, home.name])
    assert (choice.pk, choice.target_population, choice.target_year) == (
        home.vision_choice.pk, 95_000, 2060)
    assert vision_choice(away) is None
