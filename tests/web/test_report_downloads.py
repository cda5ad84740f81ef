"""Report downloads: the vision report per area with the 将来展望, the strategy's verification
report with the committee's comments; file names, content types, who may download (404 else)."""

from __future__ import annotations

import io
import subprocess
from urllib.parse import quote

from django.urls import reverse
from openpyxl import load_workbook

from sousei.web.strategies.models import Comment
from sousei.web.vision.models import SavedScenario, VisionChoice

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FERTILITY = {"name": "出生率向上", "tfr": {"change": 0.1, "by": 2060}}


def _vision_url(org, fmt: str, area: str = "") -> str:
    url = reverse("vision:report", args=[org.pk, fmt])
    return f"{url}?area={area}" if area else url


def _choose(org, user, target: int | None = None, year: int | None = None) -> None:
    scenario = SavedScenario.objects.create(organisation=org, name="出生率向上", mapping=FERTILITY)
    VisionChoice.objects.create(organisation=org, scenario=scenario, target_population=target,
                                target_year=year)


def test_vision_workbook_of_a_partnership_member_with_the_outlook(world, login) -> None:
    home = world["home"]
    _choose(home.organisation, home.users["planning"], 330_000, 2040)
    response = login(home.users["viewer"]).get(_vision_url(home.organisation, "xlsx", "40203"))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == (
        "attachment; filename=\"report.xlsx\"; filename*=UTF-8''"
        + quote("人口ビジョン_久留米市.xlsx"))
    book = load_workbook(io.BytesIO(response.content))
    # 国勢調査 2015, 久留米市: 304,552 persons
    assert book["現状_年齢3区分別人口"]["I4"].value == 304_552
    assert book["将来展望"]["A4"].value == "将来展望「出生率向上」"
    # The target belongs to the partnership, not to one member: no target sheet.
    assert "目標人口" not in book.sheetnames


def test_uploaded_moves_and_foreign_residents_become_sections(world, login) -> None:
    from pathlib import Path

    from sousei.web.vision.area_uploads import store_area_upload

    home = world["home"]
    data = Path(__file__).resolve().parents[1] / "data"
    for kind, name in (("moves", "moves_kurume_constructed.csv"),
                       ("foreign", "foreign_kurume_constructed.csv")):
        store_area_upload(home.users["planning"], home.organisation, kind,
                          (data / name).read_bytes(), name, "住民基本台帳(試験)")
    response = login(home.users["planning"]).get(_vision_url(home.organisation, "xlsx", "40203"))
    sheets = load_workbook(io.BytesIO(response.content)).sheetnames
    assert "移動_転入超過" in sheets
    assert any(s.startswith("外国人_") for s in sheets)


def test_a_municipality_gets_its_target_population(world, login) -> None:
    outsider = world["outsider"]  # 嘉麻市, a single municipality
    _choose(outsider.organisation, outsider.users["planning"], 35_000, 2040)
    response = login(outsider.users["planning"]).get(_vision_url(outsider.organisation, "xlsx"))
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content))["目標人口"]
    assert (ws["A4"].value, ws["B4"].value) == (2040, 35_000)


def test_vision_report_is_404_for_outsiders_unknown_areas_and_formats(world, login) -> None:
    home, outsider = world["home"], world["outsider"]
    client = login(outsider.users["admin"])
    assert client.get(_vision_url(home.organisation, "xlsx", "40203")).status_code == 404
    client = login(home.users["planning"])
    assert client.get(_vision_url(home.organisation, "xlsx", "40227")).status_code == 404
    assert client.get(_vision_url(home.organisation, "docx", "40203")).status_code == 404


def test_projection_page_links_one_pair_of_buttons_per_area(world, login) -> None:
    home = world["home"]
    page = login(home.users["viewer"]).get(
        reverse("vision:projection", args=[home.organisation.pk])).content.decode()
    assert page.count("人口ビジョン(Excel)") == 2 and page.count("人口ビジョン(PDF)") == 2
    assert _vision_url(home.organisation, "pdf", "40212") in page


def _comment(home) -> None:
    Comment.objects.create(author=home.users["committee"], kpi=home.kpi,
                           body="来場者の満足度も把握してください。")
    Comment.objects.create(author=home.users["committee"], goal=home.goal,
                           body="圏域全体の雇用への効果を示してください。")


def test_strategy_workbook_has_the_committee_comments(world, login) -> None:
    home = world["home"]
    _comment(home)
    url = reverse("strategies:report", args=[home.strategy.pk, "xlsx"]) + "?fy=2022"
    response = login(home.users["committee"]).get(url)
    assert response.status_code == 200
    assert quote("効果検証報告書_久留米圏総合戦略_令和4年度.xlsx") in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    ws = book["委員会意見"]
    rows = [[ws.cell(row=r, column=c).value for c in (1, 2, 5)] for r in (4, 5)]
    assert rows == [["基本目標", "圏域の経済成長", "圏域全体の雇用への効果を示してください。"],
                    ["KPI", "物産展の来場者数", "来場者の満足度も把握してください。"]]
    progress = book["事業一覧"]
    assert progress["A1"].value.startswith("久留米圏総合戦略【事業一覧】")
    assert "事業1" in book.sheetnames  # the partnership project sheet (roles, budgets)


def test_strategy_report_is_404_for_viewers_and_outsiders(world, login) -> None:
    home, outsider = world["home"], world["outsider"]
    url = reverse("strategies:report", args=[home.strategy.pk, "xlsx"])
    assert login(home.users["viewer"]).get(url).status_code == 404
    assert login(outsider.users["planning"]).get(url).status_code == 404


def test_strategy_pdf_has_the_comments_and_the_target_population(world, login) -> None:
    home = world["home"]
    _comment(home)
    _choose(home.organisation, home.users["planning"], 330_000, 2040)
    response = login(home.users["department"]).get(
        reverse("strategies:report", args=[home.strategy.pk, "pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = subprocess.run(["pdftotext", "-", "-"], input=response.content, capture_output=True,
                          check=True).stdout.decode()
    assert "検証委員会の意見" in text
    assert "来場者の満足度も把握してください。" in text
    assert "目標人口を330,000人としています" in text


def test_evaluation_and_goal_pages_show_the_buttons(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    page = client.get(reverse("strategies:evaluation", args=[home.strategy.pk])).content.decode()
    assert "進捗報告書(Excel)" in page and "進捗報告書(PDF)" in page
    goal = client.get(reverse("strategies:goal", args=[home.goal.pk])).content.decode()
    assert reverse("strategies:report", args=[home.strategy.pk, "pdf"]) in goal
    viewer = login(home.users["viewer"])
    home.strategy.snapshots.create(fiscal_year=2022, scheme="standard",
                                   published_by=home.users["planning"], data={})
    goal = viewer.get(reverse("strategies:goal", args=[home.goal.pk])).content.decode()
    assert "進捗報告書" not in goal


def test_pdf_without_a_browser_is_a_clear_503(world, login, monkeypatch) -> None:
    home = world["home"]
    monkeypatch.setenv("SOUSEI_CHROMIUM", "")
    monkeypatch.setenv("PATH", "/nonexistent")
    response = login(home.users["planning"]).get(
        reverse("strategies:report", args=[home.strategy.pk, "pdf"]))
    assert response.status_code == 503
    assert "Chromiumが必要です" in response.content.decode()
