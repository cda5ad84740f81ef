"""「住基 2021年1月1日」 chosen as the base population from the shipped tables: stored per
organisation as a dataset version, audited, projected with IPSS 2018 and 2023 beside it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sousei.io.population.juki_soumu import read_juki_ages
from sousei.io.reference import shipped
from sousei.japanese import format_number
from sousei.web.audit.models import Event
from sousei.web.vision.data import dataset_frame
from sousei.web.vision.models import PopulationDataset

AREAS = ("40203", "40212")  # 久留米市, 大川市: the home partnership


def _published(name: str) -> float:
    """The 総数 of the home areas (男 + 女) as the table prints it."""
    totals = read_juki_ages(shipped.juki_file(name)).published_totals
    rows = totals[totals["area_code"].isin(AREAS) & totals["sex"].isin(["M", "F"])]
    return float(rows["value"].sum())


@pytest.fixture
def chosen(world, login):
    home = world["home"]
    client = login(home.users["planning"])
    response = client.post(reverse("vision:juki_base", args=[home.organisation.pk]),
                           {"next": "projection"})
    assert response.status_code == 302
    assert response.url == reverse("vision:projection", args=[home.organisation.pk])
    return home, client


def test_the_choice_is_a_stored_audited_dataset_of_the_published_tables(chosen) -> None:
    home, _ = chosen
    dataset = PopulationDataset.objects.get(organisation=home.organisation)
    assert (dataset.version, dataset.base_year) == (1, 2021)
    assert dataset.file_name == "2108nsnen.xlsx + 2112gsnen.xlsx"
    assert "住民基本台帳" in dataset.source
    assert Event.objects.filter(action="dataset.juki_base", object_id=str(dataset.pk)).exists()
    frame = dataset_frame(dataset)
    by = frame.groupby("nationality")["value"].sum()
    assert by["japanese"] == pytest.approx(_published("2108nsnen.xlsx"), abs=0.5)
    assert by["foreign"] == pytest.approx(_published("2112gsnen.xlsx"), abs=0.5)


def test_projection_starts_in_2021_with_ipss_2018_and_2023_beside_it(chosen) -> None:
    home, client = chosen
    body = client.get(reverse("vision:projection", args=[home.organisation.pk])).content.decode()
    comparison = body.split('id="comparison"')[1]
    assert "<th>2021年</th>" in comparison and "<th>2061年</th>" in comparison
    assert "うち外国人" in comparison
    total = _published("2108nsnen.xlsx") + _published("2112gsnen.xlsx")
    assert f'<td class="num">{format_number(total)}</td>' in comparison
    assert 'id="ipss2018"' in body and 'id="ipss2023"' in body
    chart = body.split('aria-label="総人口の推移"', 1)[1].split("</svg>", 1)[0]
    assert "<title>社人研推計(令和5年推計)</title>" in chart
    new = chart.split("<title>社人研推計(令和5年推計)</title>")[0].rsplit("<polyline", 1)[1]
    assert new.count(",") == 6  # 2025-2050 on the common axis with 2021, 2026 ...
    base = chart.split("<title>基準推計</title>")[0].rsplit("<polyline", 1)[1]
    assert base.count(",") == 9  # 2021-2061


def test_only_writers_choose_and_only_for_their_organisation(world, login) -> None:
    home, outsider = world["home"], world["outsider"]
    viewer = login(home.users["viewer"])
    response = viewer.post(reverse("vision:juki_base", args=[home.organisation.pk]))
    assert response.status_code in (403, 404)
    assert not PopulationDataset.objects.exists()
    planner = login(outsider.users["planning"])
    response = planner.post(reverse("vision:juki_base", args=[home.organisation.pk]))
    assert response.status_code in (403, 404)
    assert not PopulationDataset.objects.exists()
