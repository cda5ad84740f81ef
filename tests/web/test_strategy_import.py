"""The web's whole-strategy import: upload -> preview (readings, changes, conflicts) -> confirm.

Personas: the outsider city is 嘉麻市, whose planning user loads the city's published table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sousei.web.strategies.models import KPI, Actual, Strategy
from sousei.web.strategies.versioning import save_versioned
from tests.io.strategy.kama_fixture import build_kama_workbook

KAMA_NAME = "嘉麻市人口ビジョン・デジタル田園都市構想総合戦略"  # from the title rows


@pytest.fixture(autouse=True)
def _var_dir(settings, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path / "var"


def _upload(client, organisation, path: Path):
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    return client.post(reverse("strategies:strategy_import", args=[organisation.pk]),
                       {"workbook": upload})


def _confirm(client, organisation, response):
    token = response.context["token"]
    return client.post(reverse("strategies:strategy_import_confirm", args=[organisation.pk]),
                       {"token": token})


def test_planning_previews_then_confirms(world, login, tmp_path: Path) -> None:
    kama = world["outsider"]
    client = login(kama.users["planning"])
    response = _upload(client, kama.organisation, build_kama_workbook(tmp_path / "kama.xlsx"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "「19.9万人(R6)」→ 199,000人(令和6年度の値)" in page
    assert "KPI 16件" in page and "を新しく登録します" in page
    assert not Strategy.objects.filter(name=KAMA_NAME).exists()  # nothing before confirming
    done = _confirm(client, kama.organisation, response)
    stored = Strategy.objects.get(name=KAMA_NAME)
    assert done.status_code == 302 and done.url == reverse("strategies:tree", args=[stored.pk])
    assert KPI.objects.filter(project__measure__direction__goal__strategy_ref=stored).count() == 16


def test_untouched_export_previews_no_change(world, login, tmp_path: Path) -> None:
    kama = world["outsider"]
    client = login(kama.users["planning"])
    _confirm(client, kama.organisation,
             _upload(client, kama.organisation, build_kama_workbook(tmp_path / "kama.xlsx")))
    stored = Strategy.objects.get(name=KAMA_NAME)
    export = client.get(reverse("strategies:strategy_export", args=[stored.pk]))
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"".join(export.streaming_content))
    response = _upload(client, kama.organisation, path)
    assert "変更はありません" in response.content.decode()


def test_an_old_export_shows_conflicts_and_cannot_be_confirmed(world, login, tmp_path) -> None:
    kama = world["outsider"]
    client = login(kama.users["planning"])
    _confirm(client, kama.organisation,
             _upload(client, kama.organisation, build_kama_workbook(tmp_path / "kama.xlsx")))
    stored = Strategy.objects.get(name=KAMA_NAME)
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"".join(client.get(
        reverse("strategies:strategy_export", args=[stored.pk])).streaming_content))
    actual = Actual.objects.get(kpi__name="市バス年間利用者数", kpi__project__measure__direction__goal__strategy_ref=stored)
    save_versioned(kama.users["planning"], actual, actual.version, {"value": 101_000}, "修正")
    response = _upload(client, kama.organisation, path)
    page = response.content.decode()
    assert "競合" in page and "書き出し後にシステム上で変更されています" in page
    assert "この内容で登録する" not in page
    assert _confirm(client, kama.organisation, response).status_code == 409
    assert Actual.objects.get(pk=actual.pk).value == 101_000


def test_changes_between_preview_and_confirm_are_caught(world, login, tmp_path) -> None:
    kama = world["outsider"]
    client = login(kama.users["planning"])
    _confirm(client, kama.organisation,
             _upload(client, kama.organisation, build_kama_workbook(tmp_path / "kama.xlsx")))
    response = _upload(client, kama.organisation, build_kama_workbook(tmp_path / "again.xlsx"))
    actual = Actual.objects.get(kpi__name="市バス年間利用者数", kpi__project__measure__direction__goal__strategy_ref__name=KAMA_NAME)
    save_versioned(kama.users["planning"], actual, actual.version, {"value": 99_000}, "修正")
    assert _confirm(client, kama.organisation, response).status_code == 409
    assert Actual.objects.get(pk=actual.pk).value == 99_000


def test_a_bad_cell_is_named_and_nothing_is_stored(world, login, tmp_path: Path) -> None:
    from tests.io.strategy.kama_fixture import ROWS

    rows = [list(r) for r in ROWS]
    rows[0][5] = "八件くらい"
    kama = world["outsider"]
    response = _upload(login(kama.users["planning"]), kama.organisation,
                       build_kama_workbook(tmp_path / "bad.xlsx", rows))
    assert response.status_code == 422
    assert "シート「事業一覧」3行目 F列" in response.content.decode()
    assert not Strategy.objects.filter(name=KAMA_NAME).exists()


@pytest.mark.parametrize("role", ["department", "committee", "viewer"])
def test_other_roles_and_outsiders_get_404(world, login, tmp_path: Path, role: str) -> None:
    kama, home = world["outsider"], world["home"]
    path = build_kama_workbook(tmp_path / "kama.xlsx")
    assert _upload(login(kama.users[role]), kama.organisation, path).status_code == 404
    assert _upload(login(home.users["planning"]), kama.organisation, path).status_code == 404
    url = reverse("strategies:strategy_export", args=[kama.strategy.pk])
    assert login(home.users["planning"]).get(url).status_code == 404
