"""The issue's browser check: a planning user of 嘉麻市 imports the city's published 事業一覧,
sees the preview with interpretations, confirms, edits a KPI and a project budget, exports, and
sees an old export's conflicts; a department user enters a self-evaluation; a committee member
comments on a measure; the planner replies; the KPI report shows all of it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sousei.web.strategies.models import KPI, Budget, Measure
from tests.io.strategy.kama_fixture import build_kama_workbook

pytestmark = pytest.mark.browser
TOURISM = "年間観光入込客数"


def _logout(page) -> None:
    page.click("text=ログアウト")
    page.wait_for_load_state()


def _import(page, path: Path) -> str:
    page.click("text=創生")
    page.click("text=総合戦略を Excel から取り込む")
    page.set_input_files("#id_workbook", str(path))
    page.click("text=確認する")
    return page.inner_text(".import-preview")


def _planner_imports_edits_and_exports(page, live_server, tmp_path: Path) -> None:
    preview = _import(page, build_kama_workbook(tmp_path / "kama.xlsx"))
    assert "「19.9万人(R6)」→ 199,000人(令和6年度の値)" in preview
    assert "総合評価「△」" not in preview and "KPI 16件" in preview
    page.click("text=この内容で登録する")
    page.wait_for_selector("text=kama.xlsx を取り込みました")
    kpi = KPI.objects.get(name=TOURISM)
    page.goto(f"{live_server.url}/kpis/{kpi.pk}/edit/")
    page.fill("#id_department", "商工政策課")
    page.fill("#id_target_value", "27万")
    page.fill("#id_target_text", "27万人")
    page.click("button[type=submit]:has-text('保存')")
    page.wait_for_selector("text=KPIの目標・基準値を保存しました")
    page.goto(f"{live_server.url}/projects/{kpi.project.pk}/")
    page.fill("form[data-fy='2025'] input[name=thousand_yen]", "3,200")
    page.click("form[data-fy='2025'] button")
    page.wait_for_selector("text=令和7年度の事業費を保存しました")
    page.goto(f"{live_server.url}/strategies/{kpi.strategy.pk}/workbook/")
    with page.expect_download() as download:
        page.click("text=総合戦略の全体")
    exported = tmp_path / "export.xlsx"
    download.value.save_as(exported)
    assert openpyxl.load_workbook(exported).sheetnames[0] == "事業一覧"
    page.goto(f"{live_server.url}/projects/{kpi.project.pk}/")
    page.fill("form[data-fy='2026'] input[name=thousand_yen]", "3,000")
    page.click("form[data-fy='2026'] button")
    page.wait_for_selector("text=令和8年度の事業費を保存しました")
    preview = _import(page, exported)  # the export is now older than the data
    assert "競合" in preview and "書き出し後にシステム上で変更されています" in preview
    assert page.locator("text=この内容で登録する").count() == 0
    assert Budget.objects.get(project=kpi.project, fiscal_year=2026).thousand_yen == 3000


def test_import_edit_export_and_the_review_loop(people, sign_in, live_server, tmp_path) -> None:
    page = sign_in("out-planning")
    _planner_imports_edits_and_exports(page, live_server, tmp_path)
    kpi = KPI.objects.get(name=TOURISM)
    _logout(page)

    sign_in("out-department")
    page.goto(f"{live_server.url}/kpis/{kpi.pk}/")
    form = page.locator("form.review-form[data-fy='2025']")
    form.locator("textarea[name=self_evaluation]").fill("入込客数はコロナ前の水準に届いていない")
    form.locator("select[name=next_step]").select_option("改善")
    form.locator("button").click()
    page.wait_for_selector("text=令和7年度の自己評価を保存しました")
    _logout(page)

    measure = Measure.objects.get(name="○観光の活性化、ふるさと納税等を通じた関係人口の増加")
    sign_in("out-committee")
    page.goto(f"{live_server.url}/measures/{measure.pk}/")
    page.fill("textarea[name=body]", "ふるさと納税の寄付者を観光につなげる工夫を")
    page.click("text=意見を登録")
    page.wait_for_selector("text=意見を登録しました")
    _logout(page)

    sign_in("out-planning")
    page.goto(f"{live_server.url}/measures/{measure.pk}/")
    page.fill("form.reply-form textarea[name=reply]", "返礼品に観光体験を加えます")
    page.click("text=対応方針を保存")
    page.wait_for_selector("text=対応方針: 返礼品に観光体験を加えます")
    page.goto(f"{live_server.url}/strategies/{kpi.strategy.pk}/evaluation/")
    with page.expect_download() as download:
        page.click("text=進捗報告書(Excel)")
    report = tmp_path / "report.xlsx"
    download.value.save_as(report)
    book = openpyxl.load_workbook(report)
    texts = {str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None}
    assert {"入込客数はコロナ前の水準に届いていない", "改善", "ふるさと納税の寄付者を観光につなげる工夫を",
            "返礼品に観光体験を加えます"} <= texts
