"""A planning user uploads moves by origin/destination (CSV) and foreign residents (xlsx), then
reads the ranked tables on the current-state page as a user does."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parents[1] / "data"


def _foreign_xlsx(folder: Path) -> Path:
    book = Workbook()
    lines = (DATA / "foreign_kurume_constructed.csv").read_text(encoding="utf-8").splitlines()
    for line in lines:
        book.active.append([int(c) if c.isdigit() else c for c in line.split(",")])
    path = folder / "zairyu.xlsx"
    book.save(path)
    return path


def _rows(page, selector: str) -> list[list[str]]:
    return [[cell.strip() for cell in row.split("\t")]
            for row in page.inner_text(f"{selector} tbody").splitlines() if row.strip()]


def _upload(page, kind: str, path: Path, source: str) -> None:
    page.select_option("select[name=kind]", kind)
    page.set_input_files("input[name=file]", str(path))
    page.fill("input[name=source]", source)
    page.click("text=登録する")
    page.wait_for_selector(f"text={path.name} を第1版として登録しました")


def test_upload_moves_and_foreign_residents_and_read_the_rankings(
        people, sign_in, live_server, tmp_path: Path) -> None:
    home = people["home"]
    page = sign_in("home-planning")
    page.goto(f"{live_server.url}/organisations/{home.organisation.pk}/vision/")
    assert "転入元・転出先別の移動のデータはまだ登録されていません" in page.inner_text("#moves")
    page.click("nav >> text=人口データ")
    _upload(page, "moves", DATA / "moves_kurume_constructed.csv", "住民基本台帳(試験)")
    _upload(page, "foreign", _foreign_xlsx(tmp_path), "在留外国人統計(試験)")
    assert "zairyu.xlsx" in page.inner_text("#foreign-uploads")

    page.click("nav >> text=現状分析")
    assert _rows(page, "#moves-net-in") == [
        ["1", "国外", "350", "120", "230", "4.8%", "1.7%"],
        ["2", "福岡県", "5,000", "4,800", "200", "69.3%", "68.6%"],
        ["3", "佐賀県", "600", "450", "150", "8.3%", "6.4%"],
        ["4", "熊本県", "500", "420", "80", "6.9%", "6.0%"],
    ]
    assert [row[:5] for row in _rows(page, "#moves-net-out")] == [
        ["1", "東京都", "400", "700", "△300"], ["2", "神奈川県", "150", "250", "△100"],
        ["3", "大阪府", "200", "230", "△30"]]
    assert [row[:4] for row in _rows(page, "#foreign-nationality")][:2] == [
        ["1", "ベトナム", "900", "30.0%"], ["2", "中国", "600", "20.0%"]]
    assert _rows(page, "#foreign-status")[0] == ["1", "技能実習", "750", "25.0%", "—"]
    body = page.inner_text("body")
    assert "出典: 住民基本台帳(試験)(moves_kurume_constructed.csv 第1版)" in body
    assert "出典: 在留外国人統計(試験)(zairyu.xlsx 第1版)" in body
