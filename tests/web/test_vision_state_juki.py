"""The current-state page without any upload: 人口動態 2012-2020 and Japanese/foreign totals
2013-2021 of the home partnership (久留米市 + 大川市) from the shipped 住基 tables."""

from __future__ import annotations

from django.urls import reverse

from sousei.io.flows.juki_dynamics import read_juki_dynamics
from sousei.io.reference import shipped
from sousei.japanese import format_number

AREAS = ["40203", "40212"]


def _published(name: str, column: str) -> int:
    frame = read_juki_dynamics(shipped.juki_file(name)).frame
    return int(frame[frame["area_code"].isin(AREAS)][column].sum())


def test_state_page_shows_the_shipped_series(world, login) -> None:
    home = world["home"]
    body = login(home.users["viewer"]).get(
        reverse("vision:state", args=[home.organisation.pk])).content.decode()
    vital = body.split('id="vital"')[1].split("</table>")[0]
    assert vital.count("<tr>") == 1 + 9  # header and FY2012, 2013 ... 2020
    births = _published("2103ssjin.xlsx", "births")  # calendar 2020
    deaths = _published("2103ssjin.xlsx", "deaths")
    assert f'<th scope="row">2020年</th><td class="num">{format_number(births)}</td>' in vital
    assert f'<td class="num">{format_number(births - deaths)}</td>' in vital
    assert '<th scope="row">2012年</th>' in vital  # fiscal 2012, the 2013 file's
    assert "住民基本台帳に基づく人口、人口動態及び世帯数" in body
    totals = body.split('id="resident-totals"')[1].split("</table>")[0]
    foreign = _published("2111gsjin.xlsx", "population")
    whole = _published("2103ssjin.xlsx", "population")
    assert (f'<th scope="row">2021/01/01</th><td class="num">{format_number(whole)}</td>'
            f'<td class="num">{format_number(whole - foreign)}</td>'
            f'<td class="num">{format_number(foreign)}</td>') in totals
    assert '<th scope="row">2013/03/31</th>' in totals
