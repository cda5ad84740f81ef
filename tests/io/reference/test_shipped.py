"""Every shipped file is documented, reachable through sousei.io.reference.shipped, and small enough."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from sousei.io.reference import shipped

ROOT = Path(__file__).resolve().parents[3]


def _data_files() -> list[str]:
    folder = resources.files("sousei").joinpath("data")
    return sorted(p.name for p in folder.iterdir() if p.name != "README.md" and p.name != "__pycache__")


def test_every_file_is_documented_and_used() -> None:
    readme = resources.files("sousei").joinpath("data", "README.md").read_text("utf-8")
    constants = {v for k, v in vars(shipped).items() if k.isupper() and isinstance(v, str)}
    for name in _data_files():
        assert f"| `{name}` |" in readme or f"| `{name}/`" in readme, name
        assert name in constants, name
    assert constants <= set(_data_files())


def test_total_size_and_package_data() -> None:
    folder = ROOT / "src" / "sousei" / "data"
    tables = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    assert tables < 10_000_000
    # the 54 総務省 住基 tables as published (.xls gzip-compressed): about 21 MB
    juki = sum(p.stat().st_size for p in (folder / shipped.JUKI_FOLDER).iterdir())
    assert juki < 25_000_000
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "data/**/*" in config["tool"]["setuptools"]["package-data"]["sousei"]


def test_gzip_files_decompress_to_the_source_header() -> None:
    assert shipped.open_shipped(shipped.CENSUS_MUNICIPAL).readline().startswith(b"code,pref_code")
    assert shipped.open_shipped(shipped.IPSS2018).readline().startswith("\ufeffコード".encode())
