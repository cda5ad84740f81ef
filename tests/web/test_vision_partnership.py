"""A partnership without an upload: its projection is the sum of its municipalities, each
projected with its own census-estimated assumptions, and each one can be shown on its own."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from django.urls import reverse
from typer.testing import CliRunner

from sousei.cli import app
from sousei.japanese import format_number, format_percent

from .vision_pages import CELL, FERTILITY, YOUTH, cli_rows, comparison_rows

AREAS = ("40203", "40212")  # 久留米市, 大川市: the members of the test partnership
TOMLS = {"f.toml": 'name = "出生率向上"\n[tfr]\nchange = 0.1\nby = 2060\n',
         "y.toml": ('name = "若者定着"\n[[migration]]\nages = "10-29"\nsex = "both"\n'
                    "change_points_per_year = 0.5\n")}


def _cli(folder: Path, area: str, out: Path | None = None, extra: tuple[str, ...] = ()) -> str:
    args = ["project", "--area", area, *extra]
    for name, text in TOMLS.items():
        (folder / name).write_text(text, encoding="utf-8")
        args += ["--scenario", str(folder / name)]
    if out is not None:
        args += ["--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.output


def _summed_cli_cells(folder: Path) -> pd.DataFrame:
    """Persons per (scenario, year) and age group, summed over the per-area CLI runs."""
    frames = []
    for area in AREAS:
        _cli(folder, area, folder / f"{area}.csv")
        frames.append(pd.read_csv(folder / f"{area}.csv", encoding="utf-8-sig"))
    cells = pd.concat(frames)
    cells["elderly"] = cells["value"].where(cells["age_start"] >= 65, 0.0)
    return cells.groupby(["scenario", "year"])[["value", "elderly"]].sum()


def test_partnership_sum_equals_the_per_area_cli_runs(world, login, tmp_path) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    for form in (FERTILITY, YOUTH):
        client.post(reverse("vision:new_scenario", args=[home.organisation.pk]), form)
    page = client.get(reverse("vision:projection", args=[home.organisation.pk])).content.decode()
    assert "久留米広域連携中枢都市圏(2市町村の合計) 人口推移のシミュレーション" in page
    web = comparison_rows(page)
    # Hand-checked: the 2015 census, 久留米市 304,552 + 大川市 34,838.
    assert web[("基準推計", "総人口")][0] == "339,390"

    summed = _summed_cli_cells(tmp_path)
    for scenario in ("基準推計", "出生率向上", "若者定着"):
        sums = summed.loc[scenario]
        assert web[(scenario, "総人口")] == [format_number(v) for v in sums["value"]]
        assert web[(scenario, "老年人口(65歳以上)")] == [format_number(v) for v in sums["elderly"]]
        # The ageing rate of the sum, not the mean of the two rates.
        assert web[(scenario, "高齢化率")] == [
            format_percent(100 * e / t) for e, t in zip(sums["elderly"], sums["value"],
                                                        strict=True)]
    difference = summed.loc["出生率向上", "value"] - summed.loc["基準推計", "value"]
    assert web[("出生率向上", "総人口(基準推計との差)")] == [format_number(v) for v in difference]


def test_one_member_area_shows_its_own_cli_table(world, login, tmp_path) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    for form in (FERTILITY, YOUTH):
        client.post(reverse("vision:new_scenario", args=[home.organisation.pk]), form)
    url = reverse("vision:projection", args=[home.organisation.pk])
    page = client.get(url, {"area": "40212"}).content.decode()
    assert "大川市 人口推移のシミュレーション" in page
    assert '<option value="40212" selected>大川市</option>' in page
    assert comparison_rows(page) == cli_rows(_cli(tmp_path, "40212"))
    # An unknown choice falls back to the sum rather than failing.
    page = client.get(url, {"area": "99999"}).content.decode()
    assert "(2市町村の合計) 人口推移のシミュレーション" in page


def test_preview_follows_the_area_chosen_in_the_form(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    body = client.post(reverse("vision:preview", args=[home.organisation.pk]),
                       {**FERTILITY, "area": "40203"}, HTTP_HX_REQUEST="true").content.decode()
    assert "久留米市 人口推移のシミュレーション" in body
    assert comparison_rows(body)[("基準推計", "総人口")][0] == "304,552"


def test_cli_sum_prints_the_partnership_table_of_the_page(world, login, tmp_path) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    for form in (FERTILITY, YOUTH):
        client.post(reverse("vision:new_scenario", args=[home.organisation.pk]), form)
    web = comparison_rows(client.get(
        reverse("vision:projection", args=[home.organisation.pk])).content.decode())
    output = _cli(tmp_path, AREAS[0], extra=("--area", AREAS[1], "--sum"))
    assert "推計結果一覧" in output  # the per-area summary comes first
    combined = output.split("合計(2地域) 将来人口推計", 1)[1]
    assert cli_rows(combined) == web


def test_ipss_figures_follow_the_area_shown(world, login) -> None:
    home = world["home"]
    url = reverse("vision:projection", args=[home.organisation.pk])
    client = login(home.users["viewer"])

    def ipss(page: str) -> list[str]:
        table = page.split('id="ipss2018"')[1].split("</table>")[0]
        return CELL.findall(table)

    both = client.get(url).content.decode()
    assert "社人研推計: 久留米広域連携中枢都市圏(2市町村の合計)" in both
    okawa = client.get(url, {"area": "40212"}).content.decode()
    assert "社人研推計: 大川市" in okawa
    kurume = client.get(url, {"area": "40203"}).content.decode()
    # IPSS 2018 starts from the 2015 census: 304,552 + 34,838 = 339,390.
    assert (ipss(kurume)[0], ipss(okawa)[0], ipss(both)[0]) == ("304,552", "34,838", "339,390")
    # Every cell of the sum is the sum of the members' printed figures (to rounding).
    for k, r, s in zip(ipss(kurume), ipss(okawa), ipss(both), strict=True):
        assert abs(int(k.replace(",", "")) + int(r.replace(",", "")) - int(s.replace(",", ""))) <= 1


def test_the_chart_draws_the_ipss_line_to_2045(world, login) -> None:
    home = world["home"]
    body = login(home.users["viewer"]).get(
        reverse("vision:projection", args=[home.organisation.pk])).content.decode()
    chart = body.split('aria-label="総人口の推移"', 1)[1].split("</svg>", 1)[0]
    ipss = chart.split("<title>社人研推計(平成30年推計)</title>")[0].rsplit("<polyline", 1)[1]
    assert ipss.count(",") == 7  # 2015-2045: seven points, none after
    new = chart.split("<title>社人研推計(令和5年推計)</title>")[0].rsplit("<polyline", 1)[1]
    assert new.count(",") == 6  # 2025-2050
