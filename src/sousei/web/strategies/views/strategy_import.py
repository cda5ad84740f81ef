"""Planning users load a whole strategy from a workbook: upload -> preview -> confirm.

The preview lists how cells were read, what was inferred, what would change and any conflicts;
confirming stores everything in one transaction. The upload waits in SOUSEI_VAR_DIR between
the two steps, keyed by a token kept in the user's session, so only the uploader confirms it.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from sousei.io.errors import WorkbookError
from sousei.web.accounts.access import get_for_user, organisation_for
from sousei.web.accounts.models import Organisation
from sousei.web.strategies.convert import to_core
from sousei.web.strategies.models import Strategy
from sousei.web.strategies.strategy_io import (
    Preview,
    apply_import,
    export_strategy,
    preview_import,
    stamp_of,
)
from sousei.web.strategies.views.workbook import MAX_UPLOAD, _send
from sousei.web.strategies.workbook import temporary_directory

SESSION_KEY = "strategy_imports"


def _pending_dir() -> Path:
    path = Path(settings.VAR_DIR) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _current_stamp(preview: Preview) -> str:
    return stamp_of(to_core(preview.existing)[0]) if preview.existing else ""


def _render(request: HttpRequest, organisation: Organisation, status: int = 200,
            **context: object) -> HttpResponse:
    return render(request, "strategies/strategy_import.html",
                  {"organisation": organisation, **context}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def strategy_import(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(request, pk, need="write")
    if request.method == "GET":
        return _render(request, organisation)
    upload = request.FILES.get("workbook")
    if upload is None or not upload.name.lower().endswith(".xlsx") or upload.size > MAX_UPLOAD:
        return _render(request, organisation, 422,
                       problems=["Excelファイル(.xlsx、10MBまで)を選んでください"])
    token = secrets.token_urlsafe(16)
    path = _pending_dir() / f"{token}.xlsx"
    path.write_bytes(upload.read())
    try:
        preview = preview_import(organisation, path)
    except WorkbookError as error:
        path.unlink(missing_ok=True)
        return _render(request, organisation, 422, error_file=upload.name,
                       problems=[str(p) for p in error.problems])
    pending = request.session.get(SESSION_KEY, {})
    pending[token] = {"organisation": organisation.pk, "file": upload.name,
                      "stamp": _current_stamp(preview)}
    request.session[SESSION_KEY] = pending
    return _render(request, organisation, preview=preview, token=token, filename=upload.name)


@login_required
@require_POST
def strategy_import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(request, pk, need="write")
    token = request.POST.get("token", "")
    pending = request.session.get(SESSION_KEY, {})
    entry = pending.get(token)
    path = _pending_dir() / f"{token}.xlsx"
    if entry is None or entry["organisation"] != organisation.pk or not path.exists():
        return _render(request, organisation, 409,
                       problems=["取込の確認期限が切れました。もう一度ファイルを選んでください"])
    preview = preview_import(organisation, path)
    if _current_stamp(preview) != entry["stamp"] or preview.conflicts:
        problems = preview.conflicts or ["確認の間に総合戦略が変更されました。内容を確認し直してください"]
        return _render(request, organisation, 409, preview=preview, token=token,
                       filename=entry["file"], problems=problems)
    stored = apply_import(request.user, organisation, preview)
    path.unlink(missing_ok=True)
    pending.pop(token)
    request.session[SESSION_KEY] = pending
    assert stored is not None
    if preview.unchanged:
        messages.info(request, f"{entry['file']}: 変更はありません")
    else:
        messages.success(request, f"{entry['file']} を取り込みました")
    return redirect("strategies:tree", stored.pk)


@login_required
def strategy_export(request: HttpRequest, pk: int) -> FileResponse:
    strategy = get_for_user(request, Strategy, pk, need="write")
    with temporary_directory() as tmp:
        path = export_strategy(strategy, Path(tmp) / "strategy.xlsx")
        return _send(path, f"総合戦略_{strategy.plan_start}-{strategy.plan_end}.xlsx")
