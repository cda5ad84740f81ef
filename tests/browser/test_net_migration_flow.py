"""A planning user uploads moves by age and sex and reads net migration on the current state:
the census residuals by period (always) and the uploaded in/out/net table."""

from __future__ import annotations

from pathlib import Path

import pytest

from sousei.demography.ages import AGE_STARTS

pytestmark = pytest.mark.browser


def _moves_file(folder: Path) -> Path:
    lines = ["年,地域コード,性別,年齢,年齢幅,転入,転出"]
    for sex in ("男", "女"):
        for a in AGE_STARTS:
            lines.append(f"2023,40203,{sex},{a},{'' if a == 90 else 5},{a + 10},{a // 5 + 30}")
    path = folder / "moves.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_upload_moves_and_read_net_migration(people, sign_in, live_server, tmp_path) -> None:
    home = people["home"]
    page = sign_in("home-planning")
    page.goto(f"{live_server.url}/strategies/{home.strategy.pk}/")
    page.click(".vision-summary >> text=現状分析")
    assert "△" in page.inner_text("#net-migration-m")
    assert page.locator('svg[aria-label="年齢階級別純移動数の時系列分析(女性)"]').count() == 1
    page.click("nav >> text=人口データ")
    page.select_option("select[name=kind]", "moves_age")
    page.set_input_files("input[name=file]", str(_moves_file(tmp_path)))
    page.fill("input[name=source]", "住民基本台帳(試験)")
    page.click("text=登録する")
    page.wait_for_selector("text=moves.csv を第1版として登録しました")
    page.click("nav >> text=現状分析")
    row = page.inner_text("#moves-by-age-2023 tr:has-text('20～24歳')")
    # Men 20-24: in 30, out 34, net △4 (women the same).
    assert row.split() == ["20～24歳", "30", "34", "△4", "30", "34", "△4"]
