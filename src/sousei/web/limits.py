"""Request bodies are capped before anything reads them.

Django limits the form fields it parses (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams any size of
uploaded file to disk; a workbook upload larger than any real table is refused here from the
Content-Length header alone, so the worker never reads it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

TOO_LARGE = "送信されたデータが大きすぎます (上限 {limit} MiB)。ファイルを分けるか小さくしてください。"


class RequestBodyLimit:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.SOUSEI_MAX_REQUEST_BYTES
        raw = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw)
        except ValueError:
            return HttpResponse("Content-Length が不正です", status=400,
                                content_type="text/plain; charset=utf-8")
        if length > limit:
            return HttpResponse(TOO_LARGE.format(limit=limit // 2**20), status=413,
                                content_type="text/plain; charset=utf-8")
        return self.get_response(request)
