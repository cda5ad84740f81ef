"""Planning users download the progress workbook and department templates, and import one."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from sousei.io.errors import WorkbookError
from sousei.web.accounts.access import get_for_user
from sousei.web.strategies.models import KPI, Strategy
from sousei.web.strategies.workbook import (
    export_progress,
    export_template,
    import_actuals,
    temporary_directory,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD = 10 * 1024 * 1024


def _send(path: Path, filename: str) -> FileResponse:
    return FileResponse(path.open("rb"), as_attachment=True, filename=filename, content_type=XLSX)


def _departments(strategy: Strategy) -> list[str]:
    rows = KPI.objects.filter(project__measure__direction__goal__strategy_ref=strategy)
    return sorted(set(rows.exclude(department="").values_list("department", flat=True)))


@login_required
def download_progress(request: HttpRequest, pk: int) -> FileResponse:
    strategy = get_for_user(request, Strategy, pk, need="write")
    with temporary_directory() as tmp:
        path = export_progress(strategy, Path(tmp))
        return _send(Path(path), f"事業一覧_{strategy.plan_start}-{strategy.plan_end}.xlsx")


@login_required
def download_template(request: HttpRequest, pk: int) -> FileResponse:
    strategy = get_for_user(request, Strategy, pk, need="write")
    department = request.GET.get("department", "")
    if department not in _departments(strategy):
        raise Http404
    with temporary_directory() as tmp:
        path = export_template(strategy, department, Path(tmp))
        return _send(Path(path), f"入力用_{department}.xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def workbook_page(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_for_user(request, Strategy, pk, need="write")
    context: dict[str, object] = {"strategy": strategy, "departments": _departments(strategy)}
    upload = request.FILES.get("workbook")
    if request.method == "POST":
        if upload is None or not upload.name.lower().endswith(".xlsx") or upload.size > MAX_UPLOAD:
            context["problems"] = ["Excelファイル(.xlsx、10MBまで)を選んでください"]
            return render(request, "strategies/workbook.html", context, status=422)
        with temporary_directory() as tmp:
            path = Path(tmp) / "upload.xlsx"
            path.write_bytes(upload.read())
            try:
                report = import_actuals(request.user, strategy, path, upload.name)
            except WorkbookError as error:
                context["error_file"] = error.file
                context["problems"] = [str(p) for p in error.problems]
                return render(request, "strategies/workbook.html", context, status=422)
        messages.success(request, f"{upload.name} を取り込みました（新規 {report.created}件・"
                                  f"修正 {report.changed}件・変更なし {report.unchanged}件）")
        context["report"] = report
    return render(request, "strategies/workbook.html", context)
