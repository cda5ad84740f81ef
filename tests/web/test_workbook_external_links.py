"""A KPI workbook linking to another workbook (外部参照) is refused by name, nothing imported;
the same workbook without the link imports."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sousei.web.audit.models import Event
from sousei.web.strategies.models import Actual
from tests.io.strategy.link_fixture import with_link


def _template(client, strategy) -> bytes:
    url = reverse("strategies:download_template", args=[strategy.pk])
    response = client.get(f"{url}?department=商工政策課")
    book = openpyxl.load_workbook(BytesIO(b"".join(response.streaming_content)))
    book.active["H5"] = 820
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _post(client, url: str, field: str, data: bytes):
    return client.post(url, {field: SimpleUploadedFile("入力.xlsx", data)})


def test_a_progress_workbook_with_an_external_link_is_refused(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    data = _template(client, home.strategy)
    url = reverse("strategies:workbook", args=[home.strategy.pk])
    response = _post(client, url, "workbook", with_link(data))
    body = response.content.decode()
    assert response.status_code == 422
    assert "外部参照: C:/共有/他課集計.xlsx" in body and "値として貼り付け" in body
    assert not Actual.objects.filter(kpi=home.kpi, fiscal_year=2023).exists()
    assert not Event.objects.filter(action="ワークブックからの取込").exists()
    # The very same cells without the link are imported.
    assert _post(client, url, "workbook", data).status_code == 200
    assert Actual.objects.get(kpi=home.kpi, fiscal_year=2023).value == Decimal(820)


def test_a_strategy_workbook_with_an_external_link_is_refused(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    export = client.get(reverse("strategies:strategy_export", args=[home.strategy.pk]))
    data = b"".join(export.streaming_content)
    url = reverse("strategies:strategy_import", args=[home.organisation.pk])
    response = _post(client, url, "workbook", with_link(data))
    assert response.status_code == 422
    assert "外部参照: C:/共有/他課集計.xlsx" in response.content.decode()
    assert _post(client, url, "workbook", data).status_code == 200
