"""Vital statistics upload and the natural/social change table on the current-state page."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sousei.web.vision.models import VitalStatistics

GOOD = "年,出生,死亡,転入,転出\n2018,2787,2988,11650,11900\n2019,2693,3010,11802,11630\n"


def _post(client, org, text: str, name: str = "vital.csv"):
    return client.post(reverse("vision:data", args=[org.pk]), {
        "kind": "vital", "source": "住民基本台帳人口移動報告(試験)",
        "file": SimpleUploadedFile(name, text.encode("cp932"))})


def test_upload_and_change_tables(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    assert _post(client, home.organisation, GOOD).status_code == 302
    assert VitalStatistics.objects.get().version == 1
    body = login(home.users["viewer"]).get(
        reverse("vision:state", args=[home.organisation.pk])).content.decode()
    table = body.split('id="vital"')[1].split("</table>")[0]
    # 2018: 2,787 - 2,988 = △201 natural; 11,650 - 11,900 = △250 social; △451 in all.
    assert ('<td class="num">△201</td><td class="num">11,650</td><td class="num">11,900</td>'
            '<td class="num">△250</td><td class="num">△451</td>') in table
    # 2019: △317 natural, 172 social, △145 in all.
    assert '<td class="num">△317</td>' in table and '<td class="num">△145</td>' in table
    assert "出典: 住民基本台帳人口移動報告(試験)(vital.csv 第1版)" in body
    # The chart draws the same changes; a fall hangs below the zero line.
    chart = body.split('aria-label="自然増減・社会増減の推移"')[1].split("</svg>")[0]
    assert "<title>2018 自然増減 △201</title>" in chart and "<title>2019 社会増減 172</title>" in chart


def test_bad_vital_file_is_refused_and_previous_stays(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    _post(client, home.organisation, GOOD)
    response = _post(client, home.organisation, GOOD.replace("3010", "-3010"), "bad.csv")
    body = response.content.decode()
    assert response.status_code == 422
    assert "ファイル bad.csv、3行目、列 deaths" in body
    assert list(VitalStatistics.objects.values_list("version", flat=True)) == [1]


def test_only_planning_uploads_vital_statistics(world, login) -> None:
    home = world["home"]
    for user in (home.users["committee"], world["outsider"].users["planning"]):
        assert _post(login(user), home.organisation, GOOD).status_code == 404
    assert not VitalStatistics.objects.exists()
