"""A workbook's bytes with a link to another workbook (外部参照) added, as Excel stores one."""

from __future__ import annotations

import zipfile
from io import BytesIO

LINKED_FILE = "C:/共有/他課集計.xlsx"
LINK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<externalBook r:id="rId1"><sheetNames><sheetName val="集計"/></sheetNames>'
        '</externalBook></externalLink>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/externalLinkPath" Target="file:///{LINKED_FILE}" '
        'TargetMode="External"/></Relationships>')


def with_link(data: bytes) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/externalLinks/externalLink1.xml", LINK)
        target.writestr("xl/externalLinks/_rels/externalLink1.xml.rels", RELS)
    return out.getvalue()
