"""A planning user uploads 久留米市's census table, reads the current state, creates the two
scenarios of the issue in the form, then one with TFR points and converging migration, and reads
the comparison table: it equals `sousei project` with the TOML files (the last one downloaded
from the page)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sousei.cli import app
from tests.web.vision_data import kurume_csv
from tests.web.vision_pages import cli_rows, comparison_rows

pytestmark = pytest.mark.browser

TOMLS = {
    "f.toml": 'name = "出生率向上"\n[tfr]\nchange = 0.1\nby = 2060\n',
    "y.toml": 'name = "若者定着"\n[[migration]]\nages = "10-29"\nsex = "both"\nchange_points_per_year = 0.5\n',
}


def _cli(data: Path, folder: Path, downloaded: Path) -> dict:
    args = ["project", "--population", str(data)]
    for name, text in TOMLS.items():
        (folder / name).write_text(text, encoding="utf-8")
        args += ["--scenario", str(folder / name)]
    args += ["--scenario", str(downloaded)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return cli_rows(result.output)


def test_upload_state_scenarios_and_comparison(people, sign_in, live_server,
                                               tmp_path: Path) -> None:
    home = people["home"]
    data = kurume_csv(tmp_path)
    page = sign_in("home-planning")
    page.goto(f"{live_server.url}/strategies/{home.strategy.pk}/")
    page.click(".vision-summary >> text=現状分析")
    page.click("nav >> text=人口データ")
    page.set_input_files("input[name=file]", str(data))
    page.fill("input[name=source]", "国勢調査(2015年)")
    page.click("text=登録する")
    page.wait_for_selector("text=kurume2015.csv を第1版として登録しました")

    page.click("nav >> text=現状分析")
    assert "出典: 国勢調査(2015年)(kurume2015.csv 第1版)" in page.inner_text("body")
    assert "0～4歳" in page.inner_text("#pyramid")

    page.click("nav >> text=将来推計とシナリオ")
    page.click("text=シナリオを作成する")
    page.fill("#id_name", "出生率向上")
    page.select_option("#id_tfr_mode", "change")
    page.fill("#id_tfr_value", "0.1")
    page.fill("#id_tfr_year", "2060")
    page.locator("#id_tfr_year").dispatch_event("change")
    # The htmx preview redraws the comparison with the unsaved scenario.
    page.wait_for_selector('#comparison th:has-text("出生率向上")')
    page.click("text=保存する")
    page.click("text=シナリオを作成する")
    page.fill("#id_name", "若者定着")
    page.fill("#id_mig0_ages", "10-29")
    page.fill("#id_mig0_points", "0.5")
    page.click("text=保存する")
    page.wait_for_selector("#scenarios >> text=若者定着")

    page.click("text=シナリオを作成する")
    page.fill("#id_name", "希望出生率")
    page.select_option("#id_tfr_mode", "points")
    for i, (year, tfr) in enumerate([("2030", "1.6"), ("2040", "1.8"), ("2060", "2.07")]):
        page.fill(f"#id_tfr_pt{i}_year", year)
        page.fill(f"#id_tfr_pt{i}_value", tfr)
    page.select_option("#id_migration_variant", "converging")
    # The live preview puts the message on the field still missing.
    page.wait_for_selector("#errors-conv_year >> text=収束年を入力してください")
    assert page.input_value("#id_conv_fraction") == "0.5"  # offered as the H25 default
    page.fill("#id_conv_year", "2040")
    # Earlier fields posted previews as focus moved (some valid: net rates, fewer points); the
    # form replaces an in-flight preview with the newest (hx-sync), so wait for the one sent now.
    page.wait_for_function("!document.querySelector('#scenario-form')"
                           ".classList.contains('htmx-request')")
    page.evaluate("window.settled = 0; document.body.addEventListener("
                  "'htmx:afterSettle', () => { window.settled += 1; })")
    page.locator("#id_conv_year").dispatch_event("change")
    page.wait_for_function("window.settled > 0 && !document.querySelector('#scenario-form')"
                           ".classList.contains('htmx-request')")
    assert page.locator('#comparison th:has-text("希望出生率")').count() == 1, (
        page.inner_text("#comparison")[:300])
    assert page.inner_text("#errors-conv_year") == ""
    preview = comparison_rows(page.inner_html("#comparison").join(['<div>', '</div>']))
    page.click("text=保存する")
    page.wait_for_selector("#scenarios >> text=希望出生率")

    with page.expect_download() as download:
        page.click('#scenarios li:has-text("希望出生率") >> text=TOMLで保存')
    exported = tmp_path / "hope.toml"
    download.value.save_as(exported)
    web = comparison_rows(page.inner_html("#comparison").join(['<div>', '</div>']))
    assert web == preview == _cli(data, tmp_path, exported)
    assert web[("基準推計", "総人口")][0] == "304,552"
    assert web[("希望出生率", "総人口")][0] == "304,552"
