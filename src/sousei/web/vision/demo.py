"""Demo 人口ビジョン for `load_demo`: a population dataset from the shipped census and two
scenarios (TFR +0.1 by 2060; ages 10-29 net migration +0.5 point a year, as the plans say
「若い世代の純移動率を0.5%改善」). examples/出生率向上.toml and 若者定着.toml are the same. Stored once."""

from __future__ import annotations

from sousei.io.population.convert import population_to_frame
from sousei.vision.inputs import census_history
from sousei.web.accounts.models import Organisation
from sousei.web.strategies.versioning import create_audited
from sousei.web.vision.data import census_codes, frame_to_text
from sousei.web.vision.models import PopulationDataset, SavedScenario

DEMO_SCENARIOS = (
    {"name": "出生率向上", "description": "合計特殊出生率を2060年までに0.1ポイント引き上げ",
     "tfr": {"change": 0.1, "by": 2060}},
    {"name": "若者定着", "description": "若い世代(10～29歳)の純移動率を毎年0.5ポイント改善",
     "migration": [{"ages": "10-29", "sex": "both", "change_points_per_year": 0.5}]},
)


def load_vision_demo(planner: object, organisation: Organisation) -> None:
    codes = census_codes(organisation)
    if codes and not organisation.population_datasets.exists():
        frame = population_to_frame(census_history(codes).at(2015))
        create_audited(planner, PopulationDataset(
            organisation=organisation, version=1, source="総務省「国勢調査」(2015年、デモ用)",
            file_name="census2015.csv", base_year=2015, rows=len(frame),
            content=frame_to_text(frame), uploaded_by=planner), "dataset.upload")
    for mapping in DEMO_SCENARIOS:
        if not organisation.scenarios.filter(name=mapping["name"]).exists():
            create_audited(planner, SavedScenario(organisation=organisation,
                                                  name=mapping["name"], mapping=mapping),
                           "scenario.create")
