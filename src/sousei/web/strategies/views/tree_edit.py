"""Planning users edit the tree: names of goals, directions and measures, projects (purpose,
departments, partners), budgets per fiscal year, partner roles, and add measures, projects and
KPIs. Every write goes through `save_versioned` / `create_audited` (audited, stale-edit safe)."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from sousei import strategy as core
from sousei.japanese import NumberError, format_fiscal_year, parse_number
from sousei.strategy import read_target
from sousei.web.accounts.access import get_for_user
from sousei.web.strategies import models as db
from sousei.web.strategies.convert import kpi_fields
from sousei.web.strategies.versioning import StaleEditError, create_audited, save_versioned

NAMED = {"goal": db.BasicGoal, "direction": db.Direction, "measure": db.Measure}
STALE = "ほかの人が先に保存しました。最新の内容を確認してから、もう一度保存してください"


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        raise Http404 from None


def _save(request: HttpRequest, row, changes: dict, action: str, done: str) -> None:
    try:
        save_versioned(request.user, row, _version(request), changes, action)
    except StaleEditError:
        messages.error(request, STALE)
    else:
        messages.success(request, done)


def _words(text: str) -> list[str]:
    return [w.strip() for w in text.replace(",", "、").split("、") if w.strip()]


@login_required
@require_POST
def rename(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    model = NAMED.get(kind)
    if model is None:
        raise Http404
    row = get_for_user(request, model, pk, need="write")
    name = request.POST.get("name", "").strip()
    if kind == "goal" and not name:
        messages.error(request, "名称を入力してください")
    else:
        _save(request, row, {"name": name}, f"{model._meta.verbose_name}の名称の修正",
              "名称を保存しました")
    return redirect("strategies:tree", pk=row.strategy.pk)


@login_required
@require_POST
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_for_user(request, db.Project, pk, need="write")
    changes = {"name": request.POST.get("name", "").strip(),
               "purpose": request.POST.get("purpose", "").strip(),
               "departments": "、".join(_words(request.POST.get("departments", ""))),
               "partners": _words(request.POST.get("partners", ""))}
    _save(request, project, changes, "事業の修正", "事業の内容を保存しました")
    return redirect("strategies:project", pk=project.pk)


@login_required
@require_POST
def budget_entry(request: HttpRequest, pk: int, fiscal_year: int) -> HttpResponse:
    project = get_for_user(request, db.Project, pk, need="write")
    if fiscal_year not in project.strategy.plan_years:
        raise Http404
    text = request.POST.get("thousand_yen", "").strip()
    try:
        value = Decimal(repr(parse_number(text.removesuffix("千円")).value)) if text else None
    except NumberError:
        messages.error(request, f"事業費「{text}」は数値として読めません(千円単位で入力)")
        return redirect("strategies:project", pk=project.pk)
    row = db.Budget.objects.filter(project=project, fiscal_year=fiscal_year).first()
    done = f"{format_fiscal_year(fiscal_year)}の事業費を保存しました"
    if row is None:
        if _version(request) != 0:
            messages.error(request, STALE)
        else:
            create_audited(request.user, db.Budget(project=project, fiscal_year=fiscal_year,
                                                   thousand_yen=value), "事業費の入力")
            messages.success(request, done)
    else:
        _save(request, row, {"thousand_yen": value}, "事業費の修正", done)
    return redirect("strategies:project", pk=project.pk)


@login_required
@require_POST
def role_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_for_user(request, db.Project, pk, need="write")
    label, text = request.POST.get("label", "").strip(), request.POST.get("role", "").strip()
    if not label:
        messages.error(request, "団体を入力してください")
        return redirect("strategies:project", pk=project.pk)
    partners = {o.name: o for o in [project.organisation, *project.organisation.members.all()]}
    role_pk = request.POST.get("role_id", "")
    if role_pk:
        row = get_for_user(request, db.PartnerRole, role_pk, need="write")
        _save(request, row, {"label": label, "role": text, "municipality": partners.get(label)},
              "役割分担の修正", "役割分担を保存しました")
    else:
        create_audited(request.user, db.PartnerRole(project=project, label=label, role=text,
                                                    municipality=partners.get(label)),
                       "役割分担の追加")
        messages.success(request, "役割分担を追加しました")
    return redirect("strategies:project", pk=project.pk)


@login_required
@require_POST
def add_project(request: HttpRequest, pk: int) -> HttpResponse:
    measure = get_for_user(request, db.Measure, pk, need="write")
    number = measure.projects.count() + 1
    create_audited(request.user, db.Project(measure=measure, number=number,
                                            name=request.POST.get("name", "").strip()),
                   "事業の追加")
    messages.success(request, "事業を追加しました")
    return redirect("strategies:tree", pk=measure.strategy.pk)


@login_required
@require_POST
def add_kpi(request: HttpRequest, pk: int) -> HttpResponse:
    """A KPI from its name, unit and target as the plan prints it (`5年間に40件`)."""
    project = get_for_user(request, db.Project, pk, need="write")
    name, target = request.POST.get("name", "").strip(), request.POST.get("target", "").strip()
    if not name or not target:
        messages.error(request, "KPIの名称と目標値を入力してください")
        return redirect("strategies:project", pk=project.pk)
    reading = read_target(target, project.strategy.plan_end)
    unit = request.POST.get("unit", "").strip() or reading.unit
    kpi = core.KPI(name, unit, reading.direction, reading.aggregation, reading.target,
                   department=request.POST.get("department", "").strip())
    create_audited(request.user, db.KPI(project=project, number=project.kpis.count() + 1,
                                        **kpi_fields(kpi)), "KPIの追加")
    messages.success(request, f"KPI「{name}」を追加しました({'; '.join(reading.inferred)})")
    return redirect("strategies:project", pk=project.pk)
