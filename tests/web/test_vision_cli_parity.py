"""The web comparison prints the same figures as `sousei project` for the same inputs."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from typer.testing import CliRunner

from sousei.cli import app

from .vision_data import kurume_csv
from .vision_pages import FERTILITY, YOUTH, cli_rows, comparison_rows

FERTILITY_TOML = 'name = "出生率向上"\n[tfr]\nchange = 0.1\nby = 2060\n'
YOUTH_TOML = ('name = "若者定着"\n[[migration]]\nages = "10-29"\nsex = "both"\n'
              "change_points_per_year = 0.5\n")


def test_web_numbers_equal_the_cli(world, login, tmp_path) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    data = kurume_csv(tmp_path)
    client.post(reverse("vision:data", args=[home.organisation.pk]), {
        "file": SimpleUploadedFile(data.name, data.read_bytes()), "source": "国勢調査(2015年)"})
    for form in (FERTILITY, YOUTH):
        client.post(reverse("vision:new_scenario", args=[home.organisation.pk]), form)
    web = comparison_rows(
        client.get(reverse("vision:projection", args=[home.organisation.pk])).content.decode())

    (tmp_path / "f.toml").write_text(FERTILITY_TOML, encoding="utf-8")
    (tmp_path / "y.toml").write_text(YOUTH_TOML, encoding="utf-8")
    result = CliRunner().invoke(app, [
        "project", "--population", str(data), "--scenario", str(tmp_path / "f.toml"),
        "--scenario", str(tmp_path / "y.toml")])
    assert result.exit_code == 0, result.output
    cli = cli_rows(result.output)
    assert len(cli) == len(web) == 3 * 7 + 2 * 4
    assert web == cli
    # A figure checked by hand against the CLI table: 基準推計 総人口 2015 = census 304,552.
    assert web[("基準推計", "総人口")][0] == "304,552"
