"""Uploads of moves by origin/destination and of foreign residents by nationality and status.

Both are read with the CLI's readers (``sousei.io.flows.moves``, ``sousei.io.flows.foreign_residents``),
restricted to the organisation's own area codes, before anything is stored; a stored upload is
a new version (the previous one stays) written together with its audit event.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from sousei.io.flows.foreign_residents import read_foreign_residents
from sousei.io.flows.moves import read_moves
from sousei.web.accounts.models import Organisation
from sousei.web.strategies.versioning import create_audited
from sousei.web.vision.data import census_codes, organisation_codes
from sousei.web.vision.models import ForeignResidents, MovesByArea
from sousei.web.vision.upload_model import VersionedUpload


@dataclass(frozen=True)
class UploadKind:
    model: type[VersionedUpload]
    reader: Callable[..., pd.DataFrame]
    action: str  # the audit event's action


AREA_UPLOADS = {
    "moves": UploadKind(MovesByArea, read_moves, "moves.upload"),
    "foreign": UploadKind(ForeignResidents, read_foreign_residents, "foreign.upload"),
}


def store_area_upload(actor: object, organisation: Organisation, kind: str, data: bytes,
                      file_name: str, source: str) -> VersionedUpload:
    """Validate, then store as the next version with its audit event (InputError: nothing
    stored)."""
    upload = AREA_UPLOADS[kind]
    areas = frozenset(organisation_codes(organisation)) | frozenset(census_codes(organisation))
    frame = upload.reader(data, file_name, areas)
    rows = json.loads(frame.to_json(orient="records", force_ascii=False))
    return create_audited(actor, upload.model(
        organisation=organisation, version=upload.model.next_version(organisation),
        source=source, file_name=file_name, rows=rows, uploaded_by=actor), upload.action)


def area_upload_versions(organisation: Organisation) -> dict[str, object]:
    """The version lists shown on the data page."""
    return {
        "moves_uploads": organisation.moves_by_area.select_related("uploaded_by"),
        "foreign_uploads": organisation.foreign_residents.select_related("uploaded_by"),
    }
