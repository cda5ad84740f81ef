"""Scenario files: the examples of the 人口ビジョン, and errors that name file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from sousei.io.errors import InputError
from sousei.io.scenario import read_scenario


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scenario.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_tfr_migration_and_foreign_share(tmp_path: Path) -> None:
    scenario = read_scenario(
        _write(
            tmp_path,
            """
name = "出生率向上と若者定着"
[tfr]
change = 0.1
by = 2060
[[migration]]
ages = "10-29"
sex = "女"
change_points = 0.5
[foreign]
share = 10.8
by = 2070
""",
        )
    )
    assert scenario.name == "出生率向上と若者定着"
    assert scenario.tfr.points == ((2060, 0.1),) and scenario.tfr.relative
    (change,) = scenario.migration
    assert (change.age_from, change.age_to, change.sex) == (10, 29, "F")
    assert change.delta == pytest.approx(0.005)
    assert scenario.foreign_share == (2070, pytest.approx(0.108))


def test_absolute_tfr_points_and_converging_migration(tmp_path: Path) -> None:
    scenario = read_scenario(
        _write(
            tmp_path,
            """
name = "希望出生率"
[tfr]
points = { 2030 = 1.6, 2040 = 1.8 }
[migration_variant]
kind = "converging"
fraction = 0.5
by = 2030
""",
        )
    )
    assert scenario.tfr.points == ((2030, 1.6), (2040, 1.8)) and not scenario.tfr.relative
    assert scenario.migration_variant == "converging"
    assert scenario.convergence_year == 2030


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[tfr]\nchange = 0.1\nby = 2060", "name"),
        ('name = "x"\n[tfr]\nchange = "多め"\nby = 2060', "tfr.change"),
        ('name = "x"\n[[migration]]\nages = "12-29"\nchange = 0.005', "migration[0].ages"),
        (
            'name = "x"\n[[migration]]\nages = "10-29"\nsex = "X"\nchange = 0.005',
            "migration[0].sex",
        ),
    ],
)
def test_bad_values_name_the_file_and_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        read_scenario(path)
    assert caught.value.file == str(path)
    assert caught.value.column == key
    assert str(path) in str(caught.value)


def test_broken_toml_is_refused_with_the_file_name(tmp_path: Path) -> None:
    path = _write(tmp_path, "name = ")
    with pytest.raises(InputError, match="TOML"):
        read_scenario(path)
