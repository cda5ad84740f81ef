"""Uploading a census table as downloaded from e-Stat: accepted as it is, versioned, and a bad
one refused with file/row/column while the previous data stays."""

from __future__ import annotations

import numpy as np
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sousei.io.population.convert import frame_to_population
from sousei.vision.inputs import census_history
from sousei.web.vision.data import dataset_frame
from sousei.web.vision.models import PopulationDataset
from tests.io.population.estat_fixture import estat_rows, header_line, write_estat


def _upload(client, org, path):
    with open(path, "rb") as handle:
        return client.post(reverse("vision:data", args=[org.pk]), {
            "file": SimpleUploadedFile(path.name, handle.read()), "source": "国勢調査(e-Stat)"})


def test_an_estat_download_is_stored_as_the_census(world, login, tmp_path) -> None:
    """The partnership of 久留米市 and 大川市 uploads e-Stat's table of both cities."""
    home = world["home"]
    client = login(home.users["planning"])
    response = _upload(client, home.organisation, write_estat(tmp_path / "estat.csv"))
    assert response.status_code == 302, response.content.decode()[:2000]
    dataset = PopulationDataset.objects.get(organisation=home.organisation)
    assert (dataset.version, dataset.base_year, dataset.rows) == (1, 2015, 152)
    frame = dataset_frame(dataset)
    history = census_history(["40203", "40212"])
    np.testing.assert_allclose(frame_to_population(frame, 2015, "total").values,
                               history.at(2015).values, atol=1e-6)


def test_a_bad_estat_file_is_refused_and_the_previous_one_stays(world, login, tmp_path) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    _upload(client, home.organisation, write_estat(tmp_path / "estat.csv"))
    rows = estat_rows("db")
    index = next(i for i, r in enumerate(rows) if r[3] == "女" and r[5] == "30～34歳")
    rows[index][-1] = "X"
    response = _upload(client, home.organisation, write_estat(tmp_path / "bad.csv", "db", "cp932",
                                                              rows=rows))
    body = response.content.decode()
    assert response.status_code == 422
    for text in ("bad.csv", f"{header_line('db') + 1 + index}行目", "value", "注記の記号"):
        assert text in body, text
    assert list(home.organisation.population_datasets.values_list("version", flat=True)) == [1]
