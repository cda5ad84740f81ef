"""Workbook export and import through sousei.io: errors name sheet/row/column, all or nothing.

The 商工政策課 template has one KPI row (row 5): R4 (G) holds 700, R5 (H) is empty.
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sousei.web.audit.models import Event
from sousei.web.strategies.models import Actual


def _download(client, url: str) -> openpyxl.Workbook:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return openpyxl.load_workbook(BytesIO(b"".join(response.streaming_content)))


def _template(client, strategy) -> openpyxl.Workbook:
    url = reverse("strategies:download_template", args=[strategy.pk])
    return _download(client, f"{url}?department=商工政策課")


def _upload(client, strategy, book: openpyxl.Workbook, name: str = "入力.xlsx"):
    buffer = BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile(name, buffer.getvalue())
    return client.post(reverse("strategies:workbook", args=[strategy.pk]), {"workbook": upload})


def test_progress_workbook_carries_the_grades(world, login) -> None:
    home = world["home"]
    book = _download(login(home.users["planning"]),
                     reverse("strategies:download_progress", args=[home.strategy.pk]))
    assert book.sheetnames == ["事業一覧", "達成状況"]
    rows = list(book["事業一覧"].iter_rows(values_only=True))
    kpi_row = next(r for r in rows if "物産展の来場者数" in r)
    assert "△" in kpi_row and 700 in kpi_row


def test_template_round_trip_imports_an_actual(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    book = _template(client, home.strategy)
    sheet = book.active
    assert (sheet["D5"].value, sheet["G4"].value, sheet["G5"].value) == (
        "物産展の来場者数", "R4/実績値", 700)
    sheet["H5"] = 820
    response = _upload(client, home.strategy, book)
    assert response.status_code == 200
    assert "新規 1件・修正 0件・変更なし 1件" in response.content.decode()
    assert Actual.objects.get(kpi=home.kpi, fiscal_year=2023).value == Decimal(820)
    assert Event.objects.filter(action="ワークブックからの取込").count() == 1


def test_bad_cell_is_named_and_nothing_is_imported(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    book = _template(client, home.strategy)
    book.active["G5"] = 900  # a valid correction ...
    book.active["H5"] = "たくさん"  # ... and a bad cell: neither is imported
    response = _upload(client, home.strategy, book)
    body = response.content.decode()
    assert response.status_code == 422
    assert "入力.xlsx を読み込めませんでした。何も取り込んでいません。" in body
    assert "5行目 H列「R5/実績値」" in body
    assert Actual.objects.get(kpi=home.kpi, fiscal_year=2022).value == Decimal(700)
    assert not Actual.objects.filter(kpi=home.kpi, fiscal_year=2023).exists()
    assert not Event.objects.exists()


def test_unknown_kpi_is_refused(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    book = _template(client, home.strategy)
    book.active["D5"] = "存在しない指標"
    response = _upload(client, home.strategy, book)
    assert response.status_code == 422
    assert "KPI「存在しない指標」" in response.content.decode()


def test_not_an_xlsx_is_refused(world, login) -> None:
    home = world["home"]
    response = login(home.users["planning"]).post(
        reverse("strategies:workbook", args=[home.strategy.pk]),
        {"workbook": SimpleUploadedFile("memo.txt", b"hello")})
    assert response.status_code == 422
    assert "Excelファイル(.xlsx、10MBまで)を選んでください" in response.content.decode()


@pytest.mark.parametrize("role", ["department", "committee", "viewer"])
def test_only_planning_handles_workbooks(world, login, role: str) -> None:
    home = world["home"]
    client = login(home.users[role])
    for name in ("workbook", "download_progress", "download_template"):
        url = reverse(f"strategies:{name}", args=[home.strategy.pk])
        assert client.get(url, {"department": "商工政策課"}).status_code == 404


def test_untouched_progress_reimport_keeps_the_note_and_changes_nothing(world, login) -> None:
    home = world["home"]
    Actual.objects.create(kpi=home.kpi, fiscal_year=2023, state="pending", note="統計未公表")
    client = login(home.users["planning"])
    book = _download(client, reverse("strategies:download_progress", args=[home.strategy.pk]))
    events = Event.objects.count()
    page = _upload(client, home.strategy, book).content.decode()
    assert "新規 0件・修正 0件・変更なし 2件" in page
    assert Event.objects.count() == events
    assert Actual.objects.get(kpi=home.kpi, fiscal_year=2023).note == "統計未公表"


def test_annotated_cells_are_listed_after_an_import(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    book = _template(client, home.strategy)
    book.active["H5"] = "820人(実績値)"
    page = _upload(client, home.strategy, book).content.decode()
    assert "「820人(実績値)」→ 820人 注記「実績値」" in page
    assert Actual.objects.get(kpi=home.kpi, fiscal_year=2023).note == "実績値"
