"""A planning user clicks the report buttons: the vision PDF of 久留米市 (with the 将来展望) and
the strategy's Excel report (with a committee comment) arrive as downloads that open."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sousei.web.strategies.models import Comment
from sousei.web.vision.models import SavedScenario, VisionChoice

pytestmark = pytest.mark.browser
WAIT_MS = 90_000  # a PDF on a loaded 2-core machine


def test_download_buttons_give_the_reports(people, sign_in, live_server, tmp_path: Path) -> None:
    home = people["home"]
    scenario = SavedScenario.objects.create(
        organisation=home.organisation, name="出生率向上",
        mapping={"name": "出生率向上", "tfr": {"change": 0.1, "by": 2060}})
    VisionChoice.objects.create(organisation=home.organisation, scenario=scenario)
    Comment.objects.create(author=home.users["committee"], kpi=home.kpi,
                           body="来場者の満足度も把握してください。")
    page = sign_in("home-planning")

    page.goto(f"{live_server.url}/organisations/{home.organisation.pk}/vision/projection/")
    with page.expect_download(timeout=WAIT_MS) as info:
        page.click("#vision-downloads li:has-text('久留米市') >> text=人口ビジョン(PDF)")
    download = info.value
    assert download.suggested_filename == "人口ビジョン_久留米市.pdf"
    pdf = tmp_path / "vision.pdf"
    download.save_as(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "将来展望として、シナリオ「出生率向上」を選びました" in text

    page.goto(f"{live_server.url}/strategies/{home.strategy.pk}/evaluation/")
    with page.expect_download(timeout=WAIT_MS) as info:
        page.click("#strategy-downloads >> text=進捗報告書(Excel)")
    download = info.value
    assert download.suggested_filename.startswith("効果検証報告書_久留米圏総合戦略_")
    xlsx = tmp_path / "kpi.xlsx"
    download.save_as(xlsx)
    assert load_workbook(xlsx)["委員会意見"]["E4"].value == "来場者の満足度も把握してください。"
