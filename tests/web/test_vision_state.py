"""Current-state page: pyramid, three age groups and TFR tables with their sources."""

from __future__ import annotations

import pandas as pd
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sousei.io.population.convert import population_to_frame
from sousei.io.population.long_format import write_long_csv
from sousei.vision.inputs import census_history

from .vision_data import kurume_csv


@pytest.mark.parametrize("role", ["planning", "department", "committee", "viewer"])
def test_members_read_the_current_state(world, login, role: str) -> None:
    home = world["home"]
    response = login(home.users[role]).get(reverse("vision:state", args=[home.organisation.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "人口ピラミッド(2015年)" in body and 'aria-label="人口ピラミッド"' in body
    assert "出典: 総務省「国勢調査」" in body and "人口動態統計" in body
    # The partnership (久留米市 + 大川市) in the census: 2010 302,402 + 37,448 = 339,850,
    # 2015 304,552 + 34,838 = 339,390, a fall of 460 printed with △.
    assert '<th scope="row">2015年</th><td class="num">339,390</td><td class="num">△460</td>' in body
    assert "福岡県" in body and "都道府県(40)" not in body  # names, not codes, in legends


def test_pyramid_uses_the_uploaded_file(world, login, tmp_path) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    data = kurume_csv(tmp_path)
    client.post(reverse("vision:data", args=[home.organisation.pk]), {
        "file": SimpleUploadedFile(data.name, data.read_bytes()), "source": "住民基本台帳(試験)"})
    body = client.get(reverse("vision:state", args=[home.organisation.pk])).content.decode()
    assert "出典: 住民基本台帳(試験)(kurume2015.csv 第1版)" in body


def test_pyramid_stacks_foreign_residents_when_the_file_splits(world, login, tmp_path) -> None:
    home = world["home"]
    frame = population_to_frame(census_history(["40203"]).at(2015))
    parts = []
    for year in (2010, 2015):
        for nationality, share in (("japanese", 0.99), ("foreign", 0.01)):
            part = frame.assign(nationality=nationality, year=year, value=frame["value"] * share)
            parts.append(part)
    path = tmp_path / "split.csv"
    write_long_csv(pd.concat(parts, ignore_index=True), path)
    client = login(home.users["planning"])
    response = client.post(reverse("vision:data", args=[home.organisation.pk]), {
        "file": SimpleUploadedFile(path.name, path.read_bytes()), "source": "住民基本台帳"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    body = client.get(reverse("vision:state", args=[home.organisation.pk])).content.decode()
    assert "男性(外国人)" in body and "女性(外国人)" in body


def test_each_table_has_its_chart_with_the_same_figures(world, login) -> None:
    home = world["home"]
    body = login(home.users["viewer"]).get(
        reverse("vision:state", args=[home.organisation.pk])).content.decode()
    assert 'aria-label="年齢3区分別人口の推移"' in body
    assert 'aria-label="合計特殊出生率の推移"' in body
    # The bar's tooltip carries the table's figure: 老年人口 of the partnership in 2015 is
    # the census count, the same number the table prints in its 2015 row.
    history = census_history(["40203", "40212"])
    from sousei.demography.indicators import age_group_totals
    elderly = age_group_totals(history.at(2015).values.sum(axis=0))["elderly"]
    assert f"<title>2015 老年人口 {float(elderly):,.0f}</title>" in body


def test_a_kept_pyramid_follows_each_new_upload(world, login, tmp_path) -> None:
    """The pyramid is kept per dataset (views/state.py): a second version is shown at once."""
    home = world["home"]
    client = login(home.users["planning"])
    page = reverse("vision:state", args=[home.organisation.pk])
    assert "出典: 総務省「国勢調査」(2015年)" in client.get(page).content.decode()
    frame = population_to_frame(census_history(["40203"]).at(2015))
    for version, scale in ((1, 1.0), (2, 2.0)):
        path = tmp_path / "kurume.csv"
        write_long_csv(frame.assign(value=(frame["value"] * scale).round()), path)
        client.post(reverse("vision:data", args=[home.organisation.pk]), {
            "file": SimpleUploadedFile(path.name, path.read_bytes()), "source": "住民基本台帳"})
        body = client.get(page).content.decode()
        assert f"(kurume.csv 第{version}版)" in body
        male = (frame["sex"] == "M") & (frame["age_start"] == 0)
        first = (frame[male]["value"] * scale).round().sum()
        assert f'<th scope="row">0～4歳</th><td class="num">{int(first):,}</td>' in body
