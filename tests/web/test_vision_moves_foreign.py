"""Uploading moves by origin/destination and foreign residents: versioned, audited, refused
files keep the previous version, only the organisation's own areas; the ranked sections."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sousei.web.audit.models import Event
from sousei.web.vision.models import ForeignResidents, MovesByArea

DATA = Path(__file__).resolve().parents[1] / "data"
MOVES = (DATA / "moves_kurume_constructed.csv").read_text(encoding="utf-8")
FOREIGN = (DATA / "foreign_kurume_constructed.csv").read_text(encoding="utf-8")
KINDS = {"moves": (MOVES, MovesByArea), "foreign": (FOREIGN, ForeignResidents)}


def _post(client, org, kind: str, text: str, name: str, encoding: str = "cp932"):
    return client.post(reverse("vision:data", args=[org.pk]), {
        "kind": kind, "source": "市民課 住民基本台帳(試験)",
        "file": SimpleUploadedFile(name, text.encode(encoding))})


def _table(body: str, table_id: str) -> str:
    return body.split(f'id="{table_id}"')[1].split("</table>")[0]


@pytest.mark.parametrize("kind", KINDS)
def test_upload_is_versioned_and_audited(world, login, kind: str) -> None:
    home = world["home"]
    text, model = KINDS[kind]
    client = login(home.users["planning"])
    assert _post(client, home.organisation, kind, text, f"{kind}.csv").status_code == 302
    assert _post(client, home.organisation, kind, text, f"{kind}2.csv", "utf-8").status_code == 302
    uploads = list(model.objects.filter(organisation=home.organisation))
    assert [u.version for u in uploads] == [2, 1]
    assert all(Event.objects.filter(action=f"{kind}.upload", object_id=str(u.pk)).exists()
               for u in uploads)
    body = client.get(reverse("vision:data", args=[home.organisation.pk])).content.decode()
    listing = _table(body, f"{kind}-uploads")
    assert f"{kind}2.csv" in listing and "市民課 住民基本台帳(試験)" in listing
    assert "home-planning" in listing


@pytest.mark.parametrize(("kind", "bad", "where"), [
    ("moves", MOVES.replace("2023,40203,13,東京都,400,700", "2023,40203,13,東京都,400,-700"),
     "ファイル bad.csv、6行目、列 out_moves"),
    ("moves", MOVES.replace("2022,40203,13,", "2022,40227,13,"),  # 嘉麻市: not a member
     "ファイル bad.csv、14行目、列 area_code"),
    ("foreign", FOREIGN.replace("2023,40203,中国,総数,600", "2023,40203,中国,総数,六百"),
     "ファイル bad.csv、4行目、列 persons"),
    ("foreign", FOREIGN.replace("persons", "count"), "ファイル bad.csv、1行目"),
])
def test_refused_upload_keeps_the_previous_version(world, login, kind: str, bad: str,
                                                   where: str) -> None:
    home = world["home"]
    text, model = KINDS[kind]
    client = login(home.users["planning"])
    _post(client, home.organisation, kind, text, "good.csv")
    response = _post(client, home.organisation, kind, bad, "bad.csv")
    assert response.status_code == 422
    assert where in response.content.decode()
    assert list(model.objects.values_list("version", "file_name")) == [(1, "good.csv")]
    assert not Event.objects.filter(object_repr__startswith="bad.csv").exists()


@pytest.mark.parametrize("kind", KINDS)
def test_only_planning_of_the_organisation_uploads(world, login, kind: str) -> None:
    home = world["home"]
    text, model = KINDS[kind]
    for user in (home.users["committee"], home.users["viewer"],
                 world["outsider"].users["planning"]):
        assert _post(login(user), home.organisation, kind, text, "x.csv").status_code == 404
    assert not model.objects.exists()


def test_state_page_ranks_moves_and_foreign_residents(world, login) -> None:
    home = world["home"]
    planner = login(home.users["planning"])
    _post(planner, home.organisation, "moves", MOVES, "moves.csv")
    _post(planner, home.organisation, "foreign", FOREIGN, "zairyu.csv")
    viewer = login(home.users["viewer"])
    body = viewer.get(reverse("vision:state", args=[home.organisation.pk])).content.decode()
    assert "転入元・転出先別の移動(令和5(2023)年)" in body
    # 転入 7,220, 転出 7,000 (総数 row): 社会増減 220.
    assert "転入 7,220人、転出 7,000人、社会増減 220人" in body
    net_out = _table(body, "moves-net-out")
    # 東京都 400 in, 700 out: △300; shares 400/7,220 = 5.5%, 700/7,000 = 10.0%.
    assert ('<td class="num">1</td><th scope="row">東京都</th><td class="num">400</td>'
            '<td class="num">700</td><td class="num">△300</td><td class="num">5.5%</td>'
            '<td class="num">10.0%</td>') in net_out
    net_in = _table(body, "moves-net-in")
    assert [name for name in ("国外", "福岡県", "佐賀県", "熊本県") if name in net_in] == [
        "国外", "福岡県", "佐賀県", "熊本県"]
    assert net_in.index("国外") < net_in.index("福岡県") < net_in.index("熊本県")
    assert "福岡市" in _table(body, "moves-municipal-out")
    assert '<th scope="row">東京圏</th><td class="num">550</td><td class="num">950</td>' \
        '<td class="num">△400</td>' in _table(body, "moves-metropolitan")
    assert "出典: 市民課 住民基本台帳(試験)(moves.csv 第1版)" in body
    nationality = _table(body, "foreign-nationality")
    # ベトナム 900 of 3,000 = 30.0%, 800 in 2022: +100; 中国 600, 620 in 2022: △20.
    assert ('<th scope="row">ベトナム</th><td class="num">900</td><td class="num">30.0%</td>'
            '<td class="num">100</td>') in nationality
    assert '<td class="num">△20</td>' in nationality and "2022年からの増減" in nationality
    status = _table(body, "foreign-status")
    assert '<td class="num">1</td><th scope="row">技能実習</th><td class="num">750</td>' in status
    assert "在留外国人 3,000人(2022年から 200人)" in body
    assert ('<tr><th scope="row">中国</th><td class="num">620</td><td class="num">600</td></tr>'
            in _table(body, "foreign-trend"))
    assert "<title>国籍・地域別の在留外国人(令和5(2023)年)</title>" in body
    assert "<title>転出超過の多い相手先(令和5(2023)年)</title>" in body
    assert "出典: 市民課 住民基本台帳(試験)(zairyu.csv 第1版)" in body


def test_without_uploads_the_page_says_what_to_upload(world, login) -> None:
    home = world["home"]
    body = login(home.users["planning"]).get(
        reverse("vision:state", args=[home.organisation.pk])).content.decode()
    assert "転入元・転出先別の移動のデータはまだ登録されていません" in body
    assert "在留外国人のデータはまだ登録されていません" in body
    assert "docs/data-format.md" not in body and "列の書き方は人口データの画面の説明にあります" in body
    assert 'id="moves-net-in"' not in body


def test_outsider_cannot_read_the_sections(world, login) -> None:
    home = world["home"]
    _post(login(home.users["planning"]), home.organisation, "moves", MOVES, "moves.csv")
    response = login(world["outsider"].users["planning"]).get(
        reverse("vision:state", args=[home.organisation.pk]))
    assert response.status_code == 404
