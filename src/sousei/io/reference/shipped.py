"""The tables shipped inside the package, read through importlib.resources only.

An installed sousei must work without the repository's ``../shared`` folder, so every shipped
file is reached from here and nowhere else. Parsed tables are cached: they are read-only inputs,
and callers get a copy so an edit in one place never leaks into another.
"""

from __future__ import annotations

import copy
import gzip
import io
import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from sousei.io.population import census
from sousei.io.reference import hmd, ipss, national, tfr

CENSUS_MUNICIPAL = "census_municipal_1980_2015.csv.gz"
CENSUS_PREFECTURE = "census_prefecture_1980_2015.csv.gz"
IPSS2018 = "ipss2018_projection.csv.gz"
IPSS2023 = "ipss2023_projection_total_and_3groups_2025_2050.csv.gz"
HMD_MX = "hmd_japan_mx_1x1.txt.gz"
HMD_FEMALE_LIFETABLE = "hmd_japan_female_lifetable_1x1.csv.gz"
HFD_ASFR = "hfd_japan_asfr_1x1.csv"
CENSUS_NATIONAL = "census_national_1920_2020.csv"
IPSS2017_NATIONAL = "ipss2017_national_projection.csv"
IPSS2017_NATIONAL_TFR = "ipss2017_national_tfr.csv"
TFR_PREFECTURE = "tfr_prefecture_1960_2021.csv"
TFR_MUNICIPAL = "tfr_municipal_2008_2012.csv"
LOCALGOV = "localgovjp.csv.gz"
PREFECTURES = "prefjp.csv"
MUNICIPAL_CHANGES = "municipal_changes.json.gz"
BACKTEST_ERROR_MODEL = "backtest_error_model.csv"


def open_shipped(name: str) -> io.BytesIO:
    """The decompressed bytes of a shipped file, as a binary stream."""
    data = resources.files("sousei").joinpath("data", name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return io.BytesIO(data)


def _frame(name: str, reader: Callable[..., Any]) -> Any:
    return reader(open_shipped(name), name=name)


@cache
def _cached(name: str, reader: Callable[..., Any]) -> Any:
    return _frame(name, reader)


def _copy(value: Any) -> Any:
    if isinstance(value, pd.DataFrame):
        return value.copy()
    return type(value)(*(part.copy() for part in value))


def census_municipal() -> census.CensusTables:
    """国勢調査 1980-2015 by municipality (2015 boundaries); (population, age_unknown)."""
    return _copy(_cached(CENSUS_MUNICIPAL, census.read_census))


class _LineRuns(NamedTuple):
    """A code-sorted CSV's header and body with the byte range of each run of one code."""

    header: bytes
    body: bytes
    codes: np.ndarray  # (run,) of 5-byte codes
    starts: np.ndarray  # (run,) byte offset of the run's first line in ``body``
    stops: np.ndarray  # (run,) byte offset just after the run's last newline


@cache
def _line_runs(name: str) -> _LineRuns:
    """Runs of lines sharing their first field (a 5-digit code), found with numpy.

    Splitting lines is ~20x cheaper than parsing the table, and finding the runs on the byte
    array is ~10x cheaper than a Python pass over 110,000 lines: naming one area (``sousei
    project --area 40203``) must not parse 877,000 cells of every municipality.
    """
    header, _, body = open_shipped(name).getvalue().partition(b"\n")
    if body and not body.endswith(b"\n"):
        body += b"\n"
    buffer = np.frombuffer(body, np.uint8)
    ends = np.flatnonzero(buffer == ord("\n"))
    starts = np.concatenate(([0], ends[:-1] + 1)).astype(np.int64)
    if ((ends - starts) < 6).any() or (buffer[starts + 5] != ord(",")).any():
        raise ValueError(f"{name}: 地域コードが5桁ではない行があります")
    codes = np.ascontiguousarray(buffer[starts[:, None] + np.arange(5)]).view("S5").ravel()
    first = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
    last = np.concatenate((first[1:], [len(codes)])) - 1
    return _LineRuns(header, body, codes[first], starts[first], ends[last] + 1)


def census_municipal_codes() -> tuple[str, ...]:
    """The area codes of the municipal census (1,741 municipalities of 2015), sorted."""
    return tuple(np.unique(_line_runs(CENSUS_MUNICIPAL).codes).astype(str).tolist())


def _lines_of(runs: _LineRuns, codes: Iterable[str]) -> bytes:
    """The header and the lines of ``codes`` (in the order given), as a file of their own."""
    parts = [runs.header, b"\n"]
    for code in dict.fromkeys(codes):
        found = runs.codes == code.encode()
        parts += [runs.body[a:b] for a, b in zip(runs.starts[found], runs.stops[found], strict=True)]
    return b"".join(parts)


def census_municipal_of(codes: Iterable[str]) -> census.CensusTables:
    """The municipal census of ``codes`` only (same rows as :func:`census_municipal`)."""
    lines = _lines_of(_line_runs(CENSUS_MUNICIPAL), codes)
    return census.read_census(io.BytesIO(lines), name=CENSUS_MUNICIPAL)


def census_prefecture() -> census.CensusTables:
    """国勢調査 1980-2015 by prefecture (``nn000``); (population, age_unknown)."""
    return _copy(_cached(CENSUS_PREFECTURE, census.read_census))


def census_prefecture_of(codes: Iterable[str]) -> census.CensusTables:
    """The prefectural census of ``codes`` (``nn000``) only: a town's projection needs its own
    prefecture's rates, not a parse of all 47 (same rows as :func:`census_prefecture`)."""
    lines = _lines_of(_line_runs(CENSUS_PREFECTURE), codes)
    return census.read_census(io.BytesIO(lines), name=CENSUS_PREFECTURE)


def ipss2018() -> pd.DataFrame:
    """IPSS 2018 projection, every area, 2015-2045, long layout."""
    return _copy(_cached(IPSS2018, ipss.read_ipss2018))


IPSS_GROUP_COLUMNS = (("area_code", object), ("year", int), ("total", float), ("child", float),
                      ("working", float), ("elderly", float))


@cache
def _ipss2018_bytes() -> bytes:
    return open_shipped(IPSS2018).getvalue()


def ipss2018_groups_of(codes: Iterable[str]) -> pd.DataFrame:
    """IPSS 2018 totals and 3 age groups of ``codes`` (5-digit) only, the rows of
    :func:`ipss2018_groups`: one town's comparison table need not parse 1,857 areas.

    The file's codes drop their leading zero (``1100`` for 01100 札幌市); its two heading rows
    are kept so the reader checks the layout as for the whole file.
    """
    data = _ipss2018_bytes()
    wanted = sorted({code.lstrip("0") for code in codes} - {""})
    first, second, body = data.split(b"\n", 2)
    alternatives = b"|".join(re.escape(code.encode()) for code in wanted)
    pattern = re.compile(rb"^[ \t]*0*(?:" + alternatives + rb")[ \t]*,[^\n]*\n?", re.MULTILINE)
    rows = b"".join(match.group(0) for match in pattern.finditer(body)) if wanted else b""
    if not rows:
        return pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in IPSS_GROUP_COLUMNS})
    return ipss.read_ipss2018_groups(io.BytesIO(b"\n".join((first, second, rows))), name=IPSS2018)


def ipss2018_areas() -> pd.DataFrame:
    """The 1,857 IPSS 2018 areas: area_code, kind, prefecture, name."""
    return _copy(_cached(IPSS2018, ipss.read_ipss2018_areas))


def census_national() -> pd.DataFrame:
    """国勢調査 Japan 1920-2020 by sex x 5-year age to 100+ (年齢不詳 excluded)."""
    return _copy(_cached(CENSUS_NATIONAL, national.read_national_sex_age))


def ipss2018_groups() -> pd.DataFrame:
    """IPSS 2018 totals and 3 age groups (the 総数 block), every area, 2015-2045."""
    return _copy(_cached(IPSS2018, ipss.read_ipss2018_groups))


def ipss2023() -> pd.DataFrame:
    """IPSS 2023 totals and 3 age groups, every area, 2025-2050 (2020 codes)."""
    return _copy(_cached(IPSS2023, ipss.read_ipss2023))


def ipss2017_national() -> pd.DataFrame:
    """IPSS 2017 national projection (medium/medium) 2015-2065, long layout."""
    return _copy(_cached(IPSS2017_NATIONAL, national.read_national_sex_age))


def hmd_mx() -> pd.DataFrame:
    """HMD Japan central death rates 1x1, 1947-2016: year, age, open_age, sex, mx."""
    return _copy(_cached(HMD_MX, hmd.read_hmd_mx))


def hmd_female_lifetable() -> pd.DataFrame:
    """HMD Japan female life table 1x1, 1947-2020."""
    return _copy(_cached(HMD_FEMALE_LIFETABLE, hmd.read_female_lifetable))


def hfd_asfr() -> pd.DataFrame:
    """HFD Japan age-specific fertility rates 1x1, 1947-2020."""
    return _copy(_cached(HFD_ASFR, hmd.read_hfd_asfr))


def tfr_municipal() -> pd.DataFrame:
    """Municipal TFR 2008-2012: area_code, name, tfr."""
    return _copy(_cached(TFR_MUNICIPAL, tfr.read_municipal_tfr))


def tfr_prefecture() -> pd.DataFrame:
    """Prefectural TFR 1960-2021: pref_code, area_code, year, tfr."""
    return _copy(_cached(TFR_PREFECTURE, tfr.read_prefecture_tfr))


def ipss2017_national_tfr() -> pd.DataFrame:
    """IPSS 2017 national TFR assumption: year, variant, tfr."""
    return _copy(_cached(IPSS2017_NATIONAL_TFR, tfr.read_national_tfr_assumption))


def _read_error_model(source: io.BytesIO, name: str) -> pd.DataFrame:
    return pd.read_csv(source, dtype={"size_class": str})


def backtest_error_model() -> pd.DataFrame:
    """The prediction intervals' error model (scripts/error_model.py): quantiles of
    ln(projected / census) by known_at, size_class and horizon."""
    return _copy(_cached(BACKTEST_ERROR_MODEL, _read_error_model))


def _read_localgov(source: io.BytesIO, name: str) -> pd.DataFrame:
    return pd.read_csv(source, dtype=str, encoding="utf-8-sig", keep_default_na=False)


def localgov_master() -> pd.DataFrame:
    """The code4fukui/localgovjp list as strings (pid, pref, cid, city, lgcode, …)."""
    return _copy(_cached(LOCALGOV, _read_localgov))


def prefecture_master() -> pd.DataFrame:
    """The 47 prefectures (pid, pref, prefshort, lgcode, …) as strings."""
    return _copy(_cached(PREFECTURES, _read_localgov))


def _read_json(source: io.BytesIO, name: str) -> dict:
    return json.loads(source.read().decode("utf-8"))


def municipal_changes() -> list[dict]:
    """The 廃置分合 events: dicts with date, reason, old{code,name}, new{code,name}."""
    return copy.deepcopy(municipal_changes_shared())


def municipal_changes_shared() -> list[dict]:
    """The same events without a copy, for readers that only read them once into their own
    cached structures (the deep copy of ~10,000 events cost 0.1-0.25 s per call)."""
    return _cached(MUNICIPAL_CHANGES, _read_json)["changes"]


JUKI_FOLDER = "juki_soumu"


def juki_names() -> list[str]:
    """The shipped 総務省 住基 tables by their published names (``1708nsnen.xls`` …)."""
    folder = resources.files("sousei").joinpath("data", JUKI_FOLDER)
    names = (entry.name.removesuffix(".gz") for entry in folder.iterdir())
    return sorted(name for name in names if name.endswith((".xls", ".xlsx")))


def juki_file(name: str) -> Path | None:
    """The shipped copy of a published 住基 file name (the .xls are stored gzip-compressed),
    or None when sousei does not ship it. The readers take the ``.xls.gz`` as it is."""
    base = Path(name).name
    if base not in juki_names():
        return None
    stored = base + ".gz" if base.endswith(".xls") else base
    entry = resources.files("sousei").joinpath("data", JUKI_FOLDER, stored)
    with resources.as_file(entry) as path:  # a real file in every install sousei supports
        return Path(path)
