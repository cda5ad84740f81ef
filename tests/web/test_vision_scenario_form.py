"""The scenario form's TFR points, migration variants and rows; its field errors; the TOML
download, which `sousei project --scenario` reads to the same numbers as the page."""

from __future__ import annotations

import tomllib

import numpy as np
import pandas as pd
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from typer.testing import CliRunner

from sousei.cli import app
from sousei.demography.population import Population
from sousei.io.population.convert import population_to_frame
from sousei.io.population.long_format import write_long_csv
from sousei.vision.inputs import census_history
from sousei.web.audit.models import Event
from sousei.web.vision.forms import MAX_ROWS, ScenarioForm
from sousei.web.vision.models import SavedScenario

from .vision_data import KURUME, kurume_csv, kurume_frame
from .vision_pages import cli_rows, comparison_rows

HOPE = {
    "name": "希望出生率", "tfr_mode": "points",
    "tfr_pt0_year": "2030", "tfr_pt0_value": "1.6", "tfr_pt1_year": "2040",
    "tfr_pt1_value": "1.8", "tfr_pt2_year": "2060", "tfr_pt2_value": "2.07",
    "migration_variant": "converging", "conv_fraction": "0.5", "conv_year": "2040",
    "mig0_ages": "10-29", "mig0_sex": "both", "mig0_points": "0.5", "mig0_unit": "per_year",
    "mig1_ages": "20-24", "mig1_sex": "F", "mig1_points": "-0.25", "mig1_unit": "per_period",
    "mig1_from": "2025",
}
HOPE_MAPPING = {
    "name": "希望出生率", "description": "",
    "tfr": {"points": {"2030": 1.6, "2040": 1.8, "2060": 2.07}},
    "migration": [{"ages": "10-29", "sex": "both", "change_points_per_year": 0.5},
                  {"ages": "20-24", "sex": "F", "change_points_per_period": -0.25, "from": 2025}],
    "migration_variant": {"kind": "converging", "fraction": 0.5, "by": 2040},
}


def _create(client, org, data):
    return client.post(reverse("vision:new_scenario", args=[org.pk]), data)


def test_points_and_converging_are_saved_as_the_file_mapping(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    assert _create(client, home.organisation, HOPE).status_code == 302
    saved = SavedScenario.objects.get()
    assert saved.mapping == HOPE_MAPPING
    assert Event.objects.filter(action="scenario.create", object_id=str(saved.pk)).exists()
    # The edit form shows the points, the variant's parameters and a spare migration row.
    form = client.get(reverse("vision:edit_scenario", args=[saved.pk])).context["form"]
    assert (form["tfr_mode"].value(), form["tfr_pt2_year"].value(),
            form["tfr_pt2_value"].value()) == ("points", 2060, 2.07)
    assert (form["conv_fraction"].value(), form["conv_year"].value()) == (0.5, 2040)
    assert form["mig1_from"].value() == 2025 and form.mig_rows == 3
    assert (form["mig0_unit"].value(), form["mig1_unit"].value()) == ("per_year", "per_period")


def test_a_stored_scenario_with_the_old_key_is_shown_per_period(world, login) -> None:
    home = world["home"]
    saved = SavedScenario.objects.create(
        organisation=home.organisation, name="旧形式",
        mapping={"name": "旧形式", "migration": [{"ages": "10-29", "change_points": 0.5}]})
    client = login(home.users["planning"])
    page = client.get(reverse("vision:edit_scenario", args=[saved.pk]))
    form = page.context["form"]
    assert (form["mig0_points"].value(), form["mig0_unit"].value()) == (0.5, "per_period")
    assert "1年あたり" in page.content.decode() and "5年間あたり" in page.content.decode()


def test_stored_rows_beyond_the_default_stay_editable(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    rows = {f"mig{i}_{k}": v for i in range(5)
            for k, v in (("ages", f"{5 * i}-{5 * i + 4}"), ("sex", "both"), ("points", "0.1"))}
    assert _create(client, home.organisation,
                   {"name": "5行", "migration_variant": "net_rates", **rows}).status_code == 302
    saved = SavedScenario.objects.get()
    assert [m["ages"] for m in saved.mapping["migration"]] == [
        "0-4", "5-9", "10-14", "15-19", "20-24"]
    page = client.get(reverse("vision:edit_scenario", args=[saved.pk]))
    assert page.context["form"].mig_rows == 6
    assert 'value="20-24"' in page.content.decode()


BASE = {"name": "誤り", "migration_variant": "net_rates"}
BAD = [
    ({"tfr_mode": "target", "tfr_value": "3.5", "tfr_year": "2060"}, "tfr_value",
     "合計特殊出生率は0.5～3.0の範囲で入力してください (値: 3.5)"),
    ({"tfr_mode": "change", "tfr_value": "0.1", "tfr_year": "2015"}, "tfr_year",
     "合計特殊出生率の目標年 2015年は基準年 2015年より後にしてください"),
    ({"tfr_mode": "points", "tfr_pt0_year": "2040", "tfr_pt0_value": "1.8",
      "tfr_pt1_year": "2030", "tfr_pt1_value": "1.6"}, "tfr_pt1_year",
     "前の点(2040年)より後の年にしてください"),
    ({"tfr_mode": "points", "tfr_pt0_year": "2030"}, "tfr_pt0_value", "出生率を入力してください"),
    ({"tfr_mode": "points", "tfr_pt0_year": "2030", "tfr_pt0_value": "0.3"}, "tfr_pt0_value",
     "合計特殊出生率は0.5～3.0の範囲で入力してください (値: 0.3)"),
    ({"tfr_mode": "points"}, "tfr_pt0_year", "年と出生率の点を1つ以上入力してください"),
    ({"mig0_ages": "10-27", "mig0_points": "0.5"}, "mig0_ages",
     "年齢 10-27 は5歳階級の境目 (例 10-29) にしてください"),
    ({"mig2_points": "0.5"}, "mig2_ages", "年齢を入力してください"),
    ({"mig0_ages": "10-29", "mig0_points": "0.5", "mig0_from": "2010"}, "mig0_from",
     "開始年 2010年は基準年 2015年以降にしてください"),
    ({"mig0_ages": "10-29"}, "mig0_points", "ポイントを入力してください"),
    ({"migration_variant": "converging", "conv_fraction": "0.5"}, "conv_year",
     "収束年を入力してください"),
    ({"migration_variant": "converging", "conv_fraction": "1.5", "conv_year": "2040"},
     "conv_fraction", "収束後の割合は0～1で入力してください"),
    ({"tfr_mode": "target", "tfr_value": "1.8", "tfr_year": "2150"}, "tfr_year",
     "合計特殊出生率の目標年 2150年は 1900～2100年の範囲にしてください"),
    ({"mig0_ages": "10-29", "mig0_points": "20"}, "mig0_points",
     "純移動率の変化は5年間あたり±50ポイント(1年あたり±10ポイント)以内にしてください"),
    ({"foreign_share": "10.8", "foreign_year": "2060"}, "foreign_share",
     "外国人比率の目標は、日本人・外国人に分かれた人口データを登録したときに使えます"),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD)
def test_bad_field_gets_its_japanese_message(world, login, changes, field, message) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    response = _create(client, home.organisation, {**BASE, **changes})
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert not SavedScenario.objects.exists()


def test_toml_download_is_for_readers_of_the_organisation_only(world, login) -> None:
    home = world["home"]
    _create(login(home.users["planning"]), home.organisation, HOPE)
    saved = SavedScenario.objects.get()
    url = reverse("vision:scenario_toml", args=[saved.pk])
    response = login(home.users["committee"]).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/toml; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert tomllib.loads(response.content.decode()) == HOPE_MAPPING
    assert login(world["outsider"].users["planning"]).get(url).status_code == 404
    assert login(home.users["viewer"]).get(url).status_code == 404  # docs/web.md: not viewers


def test_exported_toml_gives_the_cli_the_numbers_of_the_page(world, login, tmp_path) -> None:
    home = world["home"]
    org = home.organisation.pk
    client = login(home.users["planning"])
    data = kurume_csv(tmp_path)
    client.post(reverse("vision:data", args=[org]), {
        "file": SimpleUploadedFile(data.name, data.read_bytes()), "source": "国勢調査(2015年)"})
    _create(client, home.organisation, HOPE)
    saved = SavedScenario.objects.get()
    page = client.get(reverse("vision:projection", args=[org])).content.decode()
    assert reverse("vision:scenario_toml", args=[saved.pk]) in page
    web = comparison_rows(page)

    exported = tmp_path / "hope.toml"
    exported.write_bytes(client.get(reverse("vision:scenario_toml", args=[saved.pk])).content)
    result = CliRunner().invoke(app, ["project", "--population", str(data),
                                      "--scenario", str(exported)])
    assert result.exit_code == 0, result.output
    assert web == cli_rows(result.output)
    assert len(web) == 2 * 7 + 4
    # TFR 2.07 by 2060 adds children from the first period on; halving migration by 2040
    # changes the total too. Both figures are read off the CLI table above.
    assert web[("基準推計", "総人口")][0] == web[("希望出生率", "総人口")][0] == "304,552"
    assert web[("希望出生率", "年少人口(0～14歳)(基準推計との差)")][1] != "0"


def test_a_target_year_left_behind_by_a_new_base_year_is_explained(world, login,
                                                                   tmp_path) -> None:
    home = world["home"]
    org = home.organisation.pk
    client = login(home.users["planning"])
    early = {"name": "早期目標", "tfr_mode": "change", "tfr_value": "0.1", "tfr_year": "2018",
             "migration_variant": "net_rates"}
    assert _create(client, home.organisation, early).status_code == 302  # base year 2015
    frame = kurume_frame().assign(year=2020)  # a 2020 table: the base year moves past 2018
    path = tmp_path / "kurume2020.csv"
    write_long_csv(frame, path)
    client.post(reverse("vision:data", args=[org]), {
        "file": SimpleUploadedFile(path.name, path.read_bytes()), "source": "住民基本台帳"})
    response = client.get(reverse("vision:projection", args=[org]))
    assert response.status_code == 200
    assert ("推計できません: 早期目標: 合計特殊出生率の目標年 2018年は基準年 2020年より後に"
            "してください") in response.content.decode()
    # The form now asks for years after the new base year.
    saved = SavedScenario.objects.get()
    response = client.post(reverse("vision:edit_scenario", args=[saved.pk]),
                           {**early, "version": "1"})
    assert response.context["form"].errors["tfr_year"] == [
        "合計特殊出生率の目標年 2018年は基準年 2020年より後にしてください"]


def test_preview_puts_each_message_on_its_field_and_clears_the_others(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    bad = {**HOPE, "tfr_pt1_year": "2020"}
    body = client.post(reverse("vision:preview", args=[home.organisation.pk]), bad,
                       HTTP_HX_REQUEST="true").content.decode()
    assert ('<span class="field-errors" id="errors-tfr_pt1_year" hx-swap-oob="true">'
            '<span class="error" role="alert">前の点(2030年)より後の年にしてください</span></span>'
            ) in body
    # Fields without a problem get an empty span, which clears an earlier message.
    assert '<span class="field-errors" id="errors-tfr_pt0_year" hx-swap-oob="true"></span>' in body
    assert '<span class="field-errors" id="errors-conv_year" hx-swap-oob="true"></span>' in body
    # The page has the targets those swaps replace.
    page = client.get(reverse("vision:new_scenario", args=[home.organisation.pk]))
    fields = page.context["form"].fields
    assert page.content.decode().count('class="field-errors"') == len(fields) == 33


def test_posted_row_numbers_cannot_grow_the_form_without_bound(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    response = _create(client, home.organisation, {**BASE, "mig999999_ages": "10-29",
                                                   "mig999999_points": "0.5"})
    assert response.status_code == 302  # the far row is not a field: nothing to validate
    assert "migration" not in SavedScenario.objects.get().mapping
    assert ScenarioForm({"mig999999_ages": "x"}).mig_rows == MAX_ROWS


def _split_kurume(folder) -> str:
    """久留米市's real 2010/2015 census counts with a 1.5% foreign share we set ourselves
    (the shipped census does not split nationality): the mechanics, not a published figure."""
    history = census_history([KURUME])
    frames = []
    for year in (2010, 2015):
        total = np.round(history.at(year).values)
        foreign = np.round(total * 0.015)
        for nationality, values in (("japanese", total - foreign), ("foreign", foreign)):
            frames.append(population_to_frame(Population(values, (KURUME,), year, nationality)))
    path = folder / "kurume_split.csv"
    write_long_csv(pd.concat(frames, ignore_index=True), path)
    return path


def test_foreign_share_target_with_data_split_by_nationality(world, login, tmp_path) -> None:
    home = world["home"]
    org = home.organisation.pk
    client = login(home.users["planning"])
    path = _split_kurume(tmp_path)
    client.post(reverse("vision:data", args=[org]), {
        "file": SimpleUploadedFile(path.name, path.read_bytes()), "source": "試験用"})
    response = _create(client, home.organisation, {**BASE, "name": "外国人10.8%",
                                                   "foreign_share": "10.8",
                                                   "foreign_year": "2060"})
    assert response.status_code == 302
    response = _create(client, home.organisation, {**BASE, "name": "年なし",
                                                   "foreign_share": "10.8"})
    assert response.context["form"].errors["foreign_year"] == [
        "外国人比率の目標年を入力してください"]
    rows = comparison_rows(client.get(reverse("vision:projection", args=[org])).content.decode())
    assert rows[("基準推計", "外国人比率")][0] == rows[("外国人10.8%", "外国人比率")][0]
    assert rows[("外国人10.8%", "外国人比率")][-1] == "10.8%"
    assert rows[("外国人10.8%", "うち日本人(基準推計との差)")] == ["0"] * 10
