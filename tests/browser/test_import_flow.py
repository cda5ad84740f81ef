"""A planning user imports a workbook with an error (sheet/row/column shown, nothing changed),
then a corrected one."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from sousei.web.strategies.models import Actual
from sousei.web.strategies.workbook import export_template

pytestmark = pytest.mark.browser


def _filled(strategy, directory: Path, name: str, r5: object) -> Path:
    path = export_template(strategy, "商工政策課", directory)
    book = openpyxl.load_workbook(path)
    book.active["H5"] = r5  # R5/実績値 of 物産展の来場者数
    target = directory / name
    book.save(target)
    return target


def test_bad_then_good_import(people, sign_in, live_server, tmp_path: Path) -> None:
    home = people["home"]
    bad = _filled(home.strategy, tmp_path, "商工政策課_誤り.xlsx", "約800")
    good = _filled(home.strategy, tmp_path, "商工政策課.xlsx", 820)

    page = sign_in("home-planning")
    page.goto(f"{live_server.url}/strategies/{home.strategy.pk}/")
    page.click("text=ワークブックの入出力")
    page.set_input_files("#id_workbook", str(bad))
    page.click("text=取り込む")
    errors = page.inner_text(".import-errors")
    assert "何も取り込んでいません" in errors
    assert "5行目 H列「R5/実績値」" in errors
    assert not Actual.objects.filter(kpi=home.kpi, fiscal_year=2023).exists()

    page.set_input_files("#id_workbook", str(good))
    page.click("text=取り込む")
    page.wait_for_selector("text=商工政策課.xlsx を取り込みました")
    assert "物産展の来場者数 令和5年度" in page.inner_text(".import-report")
    assert Actual.objects.get(kpi=home.kpi, fiscal_year=2023).value == Decimal(820)
