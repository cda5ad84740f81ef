"""Report downloads: one response helper for the vision and the strategy apps.

The file name is Japanese, so the Content-Disposition header carries it RFC 5987-encoded
(``filename*=UTF-8''...``) with an ASCII ``filename`` fallback for old clients. The
server time of building the report is logged, since it is done synchronously in the request.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from urllib.parse import quote

from django.http import Http404, HttpResponse

from sousei.reports.export import CONTENT_TYPES, FORMATS, document_bytes
from sousei.reports.html import Document
from sousei.reports.pdf import ChromiumNotFoundError

log = logging.getLogger("sousei.web.downloads")
UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def safe_file_name(stem: str) -> str:
    """Characters Windows or a header cannot carry become _: 人口ビジョン_久留米市."""
    return UNSAFE.sub("_", stem).strip("_") or "report"


def report_response(build: Callable[[], tuple[Document, str]], fmt: str) -> HttpResponse:
    """Build the document (``build`` returns it with its file name stem) and answer it as an
    attachment; unknown formats are 404 before anything is computed."""
    if fmt not in FORMATS:
        raise Http404
    started = time.perf_counter()
    document, stem = build()
    try:
        data = document_bytes(document, fmt)
    except ChromiumNotFoundError as error:  # a server without a browser: say so, not 500
        return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")
    log.info("report %s.%s built in %.2f s", stem, fmt, time.perf_counter() - started)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    name = quote(f"{safe_file_name(stem)}.{fmt}", safe="")
    response["Content-Disposition"] = (
        f"attachment; filename=\"report.{fmt}\"; filename*=UTF-8''{name}"
    )
    return response
