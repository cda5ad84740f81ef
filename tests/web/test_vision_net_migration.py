"""Net migration by age and sex on the current-state page, and the moves-by-age upload.

The census figures on the page are the library's (CLI parity); the library's own figures are
hand-checked in tests/vision/test_net_migration.py. The uploaded counts are made up for the test.
"""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sousei.demography.ages import AGE_STARTS, MALE
from sousei.japanese import format_number
from sousei.vision.net_migration import TRANSITIONS, census_net_migration
from sousei.web.audit.models import Event
from sousei.web.vision.models import MovesByAge

HEADER = "年,地域コード,性別,年齢,年齢幅,転入,転出"


def _moves(code: str = "40203", year: int = 2023, young_in: int = 120) -> str:
    lines = [HEADER]
    for sex in ("男", "女"):
        for a in AGE_STARTS:
            moves_in = young_in if a == 20 else a + 10
            lines.append(f"{year},{code},{sex},{a},{'' if a == 90 else 5},{moves_in},{a // 5 + 30}")
    return "\n".join(lines) + "\n"


def _post(client, org, text: str, name: str = "moves.csv"):
    return client.post(reverse("vision:data", args=[org.pk]), {
        "kind": "moves_age", "source": "住民基本台帳(試験)",
        "file": SimpleUploadedFile(name, text.encode("utf-8"))})


def _state(client, org) -> str:
    return client.get(reverse("vision:state", args=[org.pk])).content.decode()


def test_census_net_migration_of_the_partnership(world, login) -> None:
    home = world["home"]
    body = _state(login(home.users["viewer"]), home.organisation)
    section = body.split('id="net-migration"')[1].split("</section>")[0]
    assert "年齢(5歳階級)別・男女別の純移動数" in body
    assert 'aria-label="年齢階級別純移動数の時系列分析(男性)"' in section
    assert "<title>2010→2015年</title>" in section
    # The partnership is 久留米市 + 大川市: its row is the sum of theirs.
    apart = census_net_migration(["40203", "40212"])
    k = TRANSITIONS.index("15～19歳→20～24歳")
    value = apart.persons[-1, :, MALE, k].sum()
    assert value < 0  # young men leave: printed with △
    table = section.split('id="net-migration-m"')[1].split("</table>")[0]
    row = table.split("15～19歳→20～24歳</th>")[1].split("</tr>")[0]
    assert row.endswith(f'<td class="num">{format_number(value)}</td>')
    assert format_number(value).startswith("△")
    assert "出典: 総務省「国勢調査」" in section
    assert "年齢別の転入・転出(" not in section


def test_upload_shows_in_out_and_net_by_age_and_sex(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    response = _post(client, home.organisation, _moves() + _moves("40212").split("\n", 1)[1])
    assert response.status_code == 302, response.content.decode()[-1500:]
    stored = MovesByAge.objects.get()
    assert stored.version == 1 and len(stored.rows) == 76
    assert Event.objects.filter(action="moves_by_age.upload", object_id=str(stored.pk)).exists()
    body = _state(login(home.users["committee"]), home.organisation)
    table = body.split('id="moves-by-age-2023"')[1].split("</table>")[0]
    # Men 20-24 in both cities: in 2 x 120 = 240, out 2 x 34 = 68, net 172.
    row = table.split("20～24歳</th>")[1].split("</tr>")[0]
    assert row.startswith('<td class="num">240</td><td class="num">68</td><td class="num">172</td>')
    # Men 0-4: in 2 x 10 = 20, out 2 x 30 = 60, net △40.
    row = table.split("0～4歳</th>")[1].split("</tr>")[0]
    assert row.startswith('<td class="num">20</td><td class="num">60</td><td class="num">△40</td>')
    assert "出典: 住民基本台帳(試験)(moves.csv 第1版)" in body
    assert 'aria-label="年齢別純移動数(2023年、転入 − 転出)"' in body
    assert "<title>20～24歳 男性 172</title>" in body


def test_refused_upload_keeps_the_previous_version(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    _post(client, home.organisation, _moves())
    for text, where in [
        (_moves().replace("2023,40203,男,15,5,25,33", "2023,40203,男,15,5,-25,33"),
         "ファイル bad.csv、5行目、列 in_moves"),
        (_moves(code="40227"), "ファイル bad.csv、2行目、列 area_code"),  # 嘉麻市: not ours
        (_moves().replace("2023,40203,女,90,,100,48\n", ""), "ファイル bad.csv、21行目、列 age_start"),
    ]:
        response = _post(client, home.organisation, text, "bad.csv")
        assert response.status_code == 422
        assert where in response.content.decode()
    assert list(MovesByAge.objects.values_list("version", flat=True)) == [1]
    assert Event.objects.filter(action="moves_by_age.upload").count() == 1


def test_only_planning_of_the_organisation_uploads(world, login) -> None:
    home = world["home"]
    for user in (home.users["committee"], world["outsider"].users["planning"]):
        assert _post(login(user), home.organisation, _moves()).status_code == 404
    outsider = login(world["outsider"].users["planning"])
    assert outsider.get(reverse("vision:state", args=[home.organisation.pk])).status_code == 404
    assert not MovesByAge.objects.exists()
