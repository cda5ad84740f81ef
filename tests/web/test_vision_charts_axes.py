"""The vision charts carry values on their axes: round y values on the line charts, persons
under the pyramid, so a chart read alone (printed, or in a screen reader's list) says how much."""

from __future__ import annotations

import re

from sousei.web.vision import charts

KURUME = {"基準推計": [304552.0, 303000.0, 299000.0, 293000.0, 286000.0, 278000.0, 269000.0]}
YEARS = [2015, 2020, 2025, 2030, 2035, 2040, 2045]


def _values(svg: str, kind: str) -> list[str]:
    return re.findall(rf'class="{kind}"[^>]*>([^<]+)<', svg)


def test_population_lines_have_round_values_from_zero() -> None:
    svg = str(charts.lines_svg.__wrapped__(YEARS, KURUME))
    assert _values(svg, "y-tick") == ["0", "100,000", "200,000", "300,000"]


def test_tfr_lines_show_one_decimal() -> None:
    svg = str(charts.lines_svg.__wrapped__([2010, 2015, 2020], {"TFR": [1.45, 1.52, 1.41]}))
    assert _values(svg, "y-tick") == ["0.0", "0.5", "1.0", "1.5"]


def test_net_migration_lines_have_values_on_both_sides_of_zero() -> None:
    svg = str(charts.lines_svg.__wrapped__(["0-4", "5-9", "10-14"], {"純移動": [-420.0, 130.0, 60.0]}))
    values = _values(svg, "y-tick")
    assert "0" in values and values[0].startswith("△") and not values[-1].startswith("△")


def test_the_pyramid_has_persons_on_its_axis_on_both_sides() -> None:
    rows = [{"age": f"{a}-{a + 4}", "male": 8000.0 - 50 * a, "male_foreign": 10.0,
             "female": 7800.0 - 40 * a, "female_foreign": 10.0} for a in range(0, 90, 5)]
    values = _values(str(charts.pyramid_svg.__wrapped__(rows)), "x-tick")
    assert values.count("0") == 2 and values.count("4,000") == 2  # men left, women right
