"""`sousei project --sum`: the table of several areas together, from the census or a file."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sousei.cli import app
from sousei.io.population.convert import population_to_frame
from sousei.io.population.long_format import write_long_csv
from sousei.vision.inputs import census_history
from tests.web.vision_pages import cli_rows

runner = CliRunner()
AREAS = ("40203", "40212")  # 久留米市 304,552 and 大川市 34,838 in the 2015 census


def _sum_rows(output: str) -> dict:
    return cli_rows(output.split("合計(2地域) 将来人口推計", 1)[1])


def _total(rows: dict, scenario: str = "基準推計") -> list[int]:
    return [int(cell.replace(",", "")) for cell in rows[(scenario, "総人口")]]


def test_sum_of_a_two_area_file_equals_the_sum_from_the_census(tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    write_long_csv(population_to_frame(census_history(list(AREAS)).at(2015)), path)
    from_file = runner.invoke(app, ["project", "--population", str(path), "--sum"])
    from_census = runner.invoke(app, ["project", "--area", AREAS[0], "--area", AREAS[1], "--sum"])
    assert from_file.exit_code == 0 and from_census.exit_code == 0, from_file.output
    assert _sum_rows(from_file.output) == _sum_rows(from_census.output)
    assert _total(_sum_rows(from_file.output))[0] == 304_552 + 34_838
    alone = [_total(cli_rows(runner.invoke(app, ["project", "--area", a]).output)) for a in AREAS]
    summed = _total(_sum_rows(from_census.output))
    # Each area's printed figure is rounded: the printed sum is within 1 of their sum.
    assert all(abs(s - a - b) <= 1 for s, a, b in zip(summed, *alone, strict=True))


def test_sum_without_several_areas_is_the_area_itself() -> None:
    result = runner.invoke(app, ["project", "--area", AREAS[1], "--sum"])
    assert result.exit_code == 0, result.output
    combined = cli_rows(result.output.split("合計(1地域) 将来人口推計", 1)[1])
    assert combined[("基準推計", "総人口")][0] == "34,838"
