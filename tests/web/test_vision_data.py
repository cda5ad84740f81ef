"""Uploading population data: real file stored and versioned; bad files refused with file/row/column."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sousei.web.audit.models import Event
from sousei.web.vision.data import dataset_frame
from sousei.web.vision.models import PopulationDataset

from .vision_data import kurume_csv


def _upload(client, org, path, source="国勢調査(2015年)"):
    with open(path, "rb") as handle:
        return client.post(reverse("vision:data", args=[org.pk]), {
            "file": SimpleUploadedFile(path.name, handle.read()), "source": source})


def test_planning_uploads_a_real_file(world, login, tmp_path) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    response = _upload(client, home.organisation, kurume_csv(tmp_path))
    assert response.status_code == 302
    dataset = PopulationDataset.objects.get(organisation=home.organisation)
    assert (dataset.version, dataset.base_year, dataset.rows) == (1, 2015, 38)
    assert Event.objects.filter(action="dataset.upload", object_id=str(dataset.pk)).exists()
    body = client.get(reverse("vision:data", args=[home.organisation.pk])).content.decode()
    assert "kurume2015.csv" in body and "国勢調査(2015年)" in body and "home-planning" in body
    _upload(client, home.organisation, kurume_csv(tmp_path, "again.csv"))
    assert list(home.organisation.population_datasets.values_list("version", flat=True)) == [2, 1]


def _write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def _rows(tmp_path):
    return kurume_csv(tmp_path).read_text(encoding="utf-8-sig").splitlines()


@pytest.mark.parametrize("problem", ["columns", "negative", "ages", "area", "other_area"])
def test_malformed_upload_is_refused_and_previous_data_stays(world, login, tmp_path,
                                                             problem: str) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    _upload(client, home.organisation, kurume_csv(tmp_path))
    lines = _rows(tmp_path)
    header = lines[0].split(",")
    if problem == "columns":
        lines[0] = lines[0].replace("value", "count")
        expected = ["bad.csv", "1行目"]
    elif problem == "negative":
        cells = lines[5].split(",")
        cells[header.index("value")] = "-12"
        lines[5] = ",".join(cells)
        expected = ["bad.csv", "6行目", "value"]
    elif problem == "ages":
        lines = [line for line in lines if ",90," not in line]
        expected = ["bad.csv", "90"]
    else:  # an unknown code, then a real code outside the organisation (嘉麻市)
        code = "99999" if problem == "area" else "40227"
        lines = [line.replace("40203", code) for line in lines]
        expected = ["bad.csv", "2行目", "area_code", code]
    response = _upload(client, home.organisation, _write(tmp_path / "bad.csv", "\n".join(lines)))
    body = response.content.decode()
    assert response.status_code == 422
    for text in expected:
        assert text in body, (problem, text)
    assert list(home.organisation.population_datasets.values_list("version", flat=True)) == [1]
    assert not Event.objects.filter(object_repr__startswith="bad.csv").exists()


@pytest.mark.parametrize("role", ["department", "committee"])
def test_only_planning_uploads(world, login, tmp_path, role: str) -> None:
    home = world["home"]
    client = login(home.users[role])
    assert client.get(reverse("vision:data", args=[home.organisation.pk])).status_code == 200
    assert _upload(client, home.organisation, kurume_csv(tmp_path)).status_code == 404
    assert not PopulationDataset.objects.exists()


def test_outsider_gets_404(world, login, tmp_path) -> None:
    home = world["home"]
    client = login(world["outsider"].users["planning"])
    assert client.get(reverse("vision:data", args=[home.organisation.pk])).status_code == 404
    assert _upload(client, home.organisation, kurume_csv(tmp_path)).status_code == 404


def _age_table(path: Path, title: str) -> Path:
    """大川市 2015 census counts laid out as a 住基 年齢別人口表 (ages down, sexes across)."""
    from sousei.demography.ages import AGE_STARTS
    from sousei.vision.inputs import census_history

    pop = census_history(["40212"]).at(2015).values[0].round()
    lines = [title, "", "年齢,男,女"]
    lines += [f"{'90歳以上' if a == 90 else f'{a}～{a + 4}歳'},\"{pop[0, i]:,.0f}\",\"{pop[1, i]:,.0f}\""
              for i, a in enumerate(AGE_STARTS)]
    path.write_bytes("\n".join(lines).encode("cp932"))
    return path


def test_a_wide_age_table_is_read_for_the_chosen_member(world, login, tmp_path) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    path = _age_table(tmp_path / "okawa.csv", "令和2年1月1日現在 年齢別人口")
    response = client.post(reverse("vision:data", args=[home.organisation.pk]), {
        "kind": "population", "source": "住民基本台帳", "area_code": "40212",
        "file": SimpleUploadedFile(path.name, path.read_bytes())})
    assert response.status_code == 302, response.content.decode()[-1500:]
    dataset = PopulationDataset.objects.get(organisation=home.organisation)
    assert dataset.base_year == 2020  # from the title's 令和2年
    frame = dataset_frame(dataset)
    assert set(frame["area_code"]) == {"40212"}
    assert frame["value"].sum() == pytest.approx(34_838, abs=10)  # 大川市 2015 census, rounded per cell


def test_a_wide_table_without_a_date_needs_the_year(world, login, tmp_path) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    path = _age_table(tmp_path / "okawa.csv", "年齢別人口")
    response = client.post(reverse("vision:data", args=[home.organisation.pk]), {
        "kind": "population", "source": "住民基本台帳", "area_code": "40212",
        "file": SimpleUploadedFile(path.name, path.read_bytes())})
    assert response.status_code == 422
    assert "基準年がわかりません" in response.content.decode()
    assert not PopulationDataset.objects.exists()


def test_viewers_do_not_see_the_uploads_nor_who_made_them(world, login, tmp_path) -> None:
    """docs/web.md: viewers read the vision pages, not its working material."""
    home = world["home"]
    _upload(login(home.users["planning"]), home.organisation, kurume_csv(tmp_path))
    viewer = login(home.users["viewer"])
    assert viewer.get(reverse("vision:data", args=[home.organisation.pk])).status_code == 404
    assert _upload(viewer, home.organisation, kurume_csv(tmp_path)).status_code == 404
    state = viewer.get(reverse("vision:state", args=[home.organisation.pk])).content.decode()
    assert reverse("vision:data", args=[home.organisation.pk]) not in state
    committee = login(home.users["committee"])
    assert committee.get(reverse("vision:data", args=[home.organisation.pk])).status_code == 200
