"""The organisation's population data: validating uploads and loading the latest dataset.

Uploads are read with the CLI's reader (`read_population`: the long layout or a wide
年齢別人口表 of one area, or a census table from e-Stat), checked against the organisation's
areas and projected once before anything is stored, so a file that is saved can always be
projected. The parsed table of a stored dataset is cached by primary key (rows never change).
"""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd

from sousei.io.errors import InputError
from sousei.io.population.long_format import read_long, write_long_csv
from sousei.io.population.read import read_population
from sousei.vision.areas import AreaCodeError, data_codes
from sousei.vision.run import ProjectionRequest
from sousei.vision.user_data import run_user_projection
from sousei.web.accounts.models import Organisation
from sousei.web.prepared import Prepared
from sousei.web.vision.models import PopulationDataset

TO_YEAR = 2060


def end_year(base_year: int) -> int:
    """The last 5-year point at or after TO_YEAR (2061 for a 住基 base of 2021)."""
    return base_year + -(-(TO_YEAR - base_year) // 5) * 5


def organisation_codes(organisation: Organisation) -> tuple[str, ...]:
    """Current 団体コード of the organisation, or of its members for a partnership."""
    if organisation.code:
        return (organisation.code,)
    return tuple(code for code, _ in member_areas(organisation.pk))


def member_areas(partnership: int) -> list[tuple[str, str]]:
    """(code, name) of a partnership's members that have a code, by code."""
    return [(code, name) for code, name in _MEMBERS(partnership) if code]


# Asked several times a vision page (areas, data sources, IPSS, downloads): compiled once.
_MEMBERS = Prepared(lambda pk: Organisation.objects.filter(partnerships__id=pk)
                    .order_by("code").values_list("code", "name"))


def census_codes(organisation: Organisation) -> tuple[str, ...]:
    """The codes of the shipped census tables behind the organisation's areas."""
    try:
        return data_codes(organisation_codes(organisation))
    except AreaCodeError:
        return ()


def _check_areas(frame: pd.DataFrame, allowed: set[str], file: str) -> None:
    unknown = ~frame["area_code"].isin(allowed)
    if unknown.any():
        index = int(unknown.to_numpy().argmax())
        code = frame["area_code"].iloc[index]
        raise InputError(
            f"地域コード {code} はこの団体の区域ではありません (使えるコード: {', '.join(sorted(allowed))})",
            file=file, row=index + 2, column="area_code",
        )


def read_upload(
    data: bytes, file_name: str, organisation: Organisation, area_code: str | None = None,
    year: int | None = None,
) -> pd.DataFrame:
    """The validated long table of an uploaded file, or InputError naming file/row/column.

    ``area_code`` and ``year`` are only read for a wide 年齢別人口表 (one area at one date); a
    single municipality's own code is the default area.
    """
    name = Path(file_name).name or "upload.csv"
    own = organisation_codes(organisation)
    area_code = area_code or (own[0] if len(own) == 1 else None)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        frame = read_population(path, area_code=area_code, year=year)
    codes = set(own) | set(census_codes(organisation))
    if frame.attrs.get("juki"):  # a national 総務省 住基 table: this organisation's areas of it
        frame = frame[frame["area_code"].isin(codes)].reset_index(drop=True)
        if frame.empty:
            raise InputError("この表にこの団体の地域の行がありません", file=name)
    _check_areas(frame, codes, name)
    check_projects(frame, name)
    return frame


def check_projects(frame: pd.DataFrame, name: str) -> None:
    """Project the table once before it is stored, so a stored dataset always projects."""
    base_year = int(frame["year"].max())
    request = ProjectionRequest((), base_year, end_year(base_year))
    try:
        run_user_projection(frame, request)
    except (AreaCodeError, ValueError, KeyError) as error:
        if isinstance(error, InputError):
            error.file = error.file or name
            raise
        raise InputError(str(error).strip("'\""), file=name) from None


def frame_to_text(frame: pd.DataFrame) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.csv"
        write_long_csv(frame, path)
        return path.read_text(encoding="utf-8-sig")


@lru_cache(maxsize=32)
def _frame_of(pk: int, content: str) -> pd.DataFrame:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"dataset-{pk}.csv"
        path.write_text(content, encoding="utf-8")
        return read_long(path)


def dataset_frame(dataset: PopulationDataset) -> pd.DataFrame:
    return _frame_of(dataset.pk, dataset.content).copy()


def latest_dataset(organisation: Organisation) -> PopulationDataset | None:
    """The latest upload without its stored table (`content`, the whole long CSV): pages
    need its version and base year; `.content` is read from the database only when asked
    for, by code that parses the table once per dataset."""
    return PopulationDataset.latest_for(organisation, "content")
