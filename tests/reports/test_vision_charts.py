"""The age-group chart runs from the first census to the end of the projection without a gap."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from sousei.io.population.convert import population_to_frame
from sousei.reports.vision_charts import age_group_chart
from sousei.reports.vision_data import user_vision_data, vision_data
from sousei.vision.inputs import census_history
from sousei.vision.method import CLASSIC
from sousei.vision.run import ProjectionRequest


def _bar_labels(chart) -> list[str]:
    figure = Figure()
    chart.draw(figure)
    return [t.get_text() for t in figure.axes[0].get_xticklabels()]


def test_census_base_follows_the_census_years() -> None:
    (data,) = vision_data(ProjectionRequest(("40212",), 2015, 2030))
    assert _bar_labels(age_group_chart(data)) == [
        "1980", "1985", "1990", "1995", "2000", "2005", "2010", "2015", "2020", "2025", "2030"]


def test_a_later_own_base_year_is_a_bar_of_its_own() -> None:
    """A 住基 table of 2020 (here the 2015 census counts of 大川市 dated 2020 and 2015): the
    chart shows the census to 2015, then 2020 (the user's base), 2025 and 2030."""
    frame = population_to_frame(census_history(["40212"]).at(2015))
    frame = pd.concat([frame, frame.assign(year=2020)], ignore_index=True)
    (data,) = user_vision_data(frame, ProjectionRequest((), 2020, 2030), "住民基本台帳")
    assert _bar_labels(age_group_chart(data))[-4:] == ["2015", "2020", "2025", "2030"]


def test_assumptions_name_the_census_the_rates_come_from() -> None:
    from sousei.reports.vision_text import assumptions_table

    frame = population_to_frame(census_history(["40212"]).at(2015))
    frame = pd.concat([frame, frame.assign(year=2020)], ignore_index=True)
    (data,) = user_vision_data(frame, ProjectionRequest((), 2020, 2030), "住民基本台帳")
    text = repr(assumptions_table(data))
    assert "平成12(2000)年～平成27(2015)年の各期間の国勢調査" in text
    assert "Lee-Carter" in text and "社人研2017年推計" in text
    assert "令和2(2020)年の人口(利用者のファイル)" in text
    (data,) = user_vision_data(
        frame, ProjectionRequest((), 2020, 2030, method=CLASSIC), "住民基本台帳"
    )
    assert "平成22(2010)年～平成27(2015)年の国勢調査人口と生残率" in repr(assumptions_table(data))


def test_the_simulation_table_names_a_share_target_it_could_not_apply() -> None:
    from sousei.demography.scenarios import BASELINE, Scenario
    from sousei.reports.vision_tables import simulation_report_table

    share = Scenario("多文化共生", foreign_share=(2030, 0.108))
    (data,) = vision_data(ProjectionRequest(("40212",), 2015, 2030, (BASELINE, share)))
    notes = simulation_report_table(data).notes
    assert any("シナリオ「多文化共生」の外国人比率の目標は" in n for n in notes)
