"""The versioned JSON API (v1) with its OpenAPI schema at /api/v1/openapi.json.

Reads follow the roles of the web pages (the same `get_for_user` / `organisation_for`; what a
user may not see answers 404). Writing an actual needs a per-user token and goes through the
entry form's validation and the same audited, version-checked save.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest
from ninja import NinjaAPI, Schema, Status
from ninja.errors import HttpError

from sousei.web.accounts.access import allows, get_for_user, membership_for, organisation_for
from sousei.web.accounts.models import Role
from sousei.web.api.auth import SessionAuth, TokenAuth
from sousei.web.strategies.evaluation import evaluate, grade_kpi
from sousei.web.strategies.forms import ActualForm
from sousei.web.strategies.models import KPI, Actual, Strategy
from sousei.web.strategies.versioning import StaleEditError

log = logging.getLogger("sousei.api")

api = NinjaAPI(
    title="sousei API", version="1", urls_namespace="api",
    description="人口ビジョンと総合戦略のデータ (読み取りは権限に従う。実績値の入力はAPIトークンで)",
    auth=[TokenAuth(), SessionAuth()],
)


class StrategyOut(Schema):
    id: int
    name: str
    organisation: str
    organisation_id: int
    plan_start: int
    plan_end: int
    is_published: bool


class ActualOut(Schema):
    fiscal_year: int
    state: str
    value: float | None
    note: str
    version: int


class KpiOut(Schema):
    id: int
    name: str
    unit: str
    department: str
    baseline: float | None
    baseline_year: int | None
    target_value: float | None
    target_year: int | None
    target_text: str
    grade: str | None
    status: str
    rate: float | None
    actuals: list[ActualOut]


class ActualIn(Schema):
    state: str = "number"
    value: str | None = None
    note: str = ""
    version: int = 0


class Problem(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _strategy_out(s: Strategy) -> StrategyOut:
    return StrategyOut(id=s.pk, name=s.name, organisation=s.organisation.name,
                       organisation_id=s.organisation_id, plan_start=s.plan_start,
                       plan_end=s.plan_end, is_published=s.is_published)


def _actual_out(a: Actual) -> ActualOut:
    return ActualOut(fiscal_year=a.fiscal_year, state=a.state, value=_float(a.value),
                     note=a.note, version=a.version)


def _kpi_out(kpi: KPI) -> KpiOut:
    grade = grade_kpi(kpi)
    return KpiOut(
        id=kpi.pk, name=kpi.name, unit=kpi.unit, department=kpi.department,
        baseline=_float(kpi.baseline), baseline_year=kpi.baseline_year,
        target_value=_float(kpi.target_value), target_year=kpi.target_year,
        target_text=kpi.target_text, grade=grade.symbol, status=grade.status, rate=grade.rate,
        actuals=[_actual_out(a) for a in kpi.actuals.all()])


def _viewer_only(request: HttpRequest, strategy: Strategy) -> bool:
    membership = membership_for(request, strategy.organisation)
    return membership is not None and membership.role == Role.VIEWER


@api.get("/strategies", response=list[StrategyOut], summary="総合戦略の一覧")
def strategies(request: HttpRequest) -> list[StrategyOut]:
    found = Strategy.objects.filter(organisation__memberships__user=request.user).distinct()
    return [_strategy_out(s) for s in found.select_related("organisation")
            if allows(membership_for(request, s.organisation), s, "read")]


@api.get("/strategies/{strategy_id}", response=StrategyOut, summary="総合戦略")
def strategy(request: HttpRequest, strategy_id: int) -> StrategyOut:
    return _strategy_out(get_for_user(request, Strategy, strategy_id))


@api.get("/strategies/{strategy_id}/evaluation", summary="評価 (基本目標ごとの集計とKPIの評価)")
def evaluation(request: HttpRequest, strategy_id: int) -> dict[str, Any]:
    found = get_for_user(request, Strategy, strategy_id)
    if _viewer_only(request, found):  # viewers read what was published, not live actuals
        snapshot = found.snapshots.order_by("-published_at", "-id").first()
        if snapshot is None:
            raise Http404
        return {"published": True, "fiscal_year": snapshot.fiscal_year, **snapshot.data}
    return {"published": False, **evaluate(found)}


@api.get("/strategies/{strategy_id}/kpis", response=list[KpiOut], summary="KPIの一覧")
def kpis(request: HttpRequest, strategy_id: int) -> list[KpiOut]:
    found = get_for_user(request, Strategy, strategy_id)
    if _viewer_only(request, found):
        raise Http404
    rows = KPI.objects.filter(project__measure__direction__goal__strategy_ref=found)
    return [_kpi_out(k) for k in rows.prefetch_related("actuals").order_by("pk")]


@api.get("/kpis/{kpi_id}", response=KpiOut, summary="KPIと実績値")
def kpi(request: HttpRequest, kpi_id: int) -> KpiOut:
    found = get_for_user(request, KPI, kpi_id)
    if _viewer_only(request, found.strategy):
        raise Http404
    return _kpi_out(found)


@api.post("/kpis/{kpi_id}/actuals/{fiscal_year}", auth=TokenAuth(), summary="実績値の入力",
          response={200: ActualOut, 409: ActualOut, 422: Problem})
def enter_actual(request: HttpRequest, kpi_id: int, fiscal_year: int, body: ActualIn):
    from sousei.web.strategies.views.entry import save_actual

    try:
        found = get_for_user(request, KPI, kpi_id, need="enter")
    except Http404:
        log.warning("API: 実績値の入力を拒否しました (user=%s kpi=%s)", request.user, kpi_id)
        raise
    if fiscal_year not in found.strategy.plan_years:
        raise HttpError(422, f"{fiscal_year}年度は計画期間 ({found.strategy.plan_start}～"
                             f"{found.strategy.plan_end}年度) にありません")
    form = ActualForm({"state": body.state, "value": body.value or "", "note": body.note,
                       "version": body.version}, unit=found.unit)
    if not form.is_valid():
        errors = {field: [str(e) for e in messages] for field, messages in form.errors.items()}
        return Status(422, Problem(detail="入力に誤りがあります", errors=errors))
    try:
        save_actual(request.user, found, fiscal_year, form.cleaned_data)
    except StaleEditError as stale:
        return Status(409, _actual_out(stale.current))
    return Status(200, _actual_out(Actual.objects.get(kpi=found, fiscal_year=fiscal_year)))


@api.get("/organisations/{organisation_id}/projection", summary="将来推計 (基準推計と保存したシナリオ)")
def projection(request: HttpRequest, organisation_id: int) -> dict[str, Any]:
    from sousei.io.scenario import scenario_from_mapping
    from sousei.web.vision.compute import COMBINED, comparison

    organisation = organisation_for(request, organisation_id)
    scenarios = [scenario_from_mapping(s.mapping) for s in organisation.scenarios.all()]
    try:
        result = comparison(organisation, scenarios, COMBINED)
    except (ValueError, KeyError) as error:
        raise HttpError(422, str(error).strip("'\"")) from None
    return {"organisation": organisation.name, "source": result.source, "years": result.years,
            "totals": result.totals, "notes": result.notes}


@api.get("/organisations/{organisation_id}/population", summary="登録した人口データ (縦長形式)")
def population(request: HttpRequest, organisation_id: int) -> dict[str, Any]:
    import io

    import pandas as pd

    from sousei.web.vision.data import latest_dataset

    organisation = organisation_for(request, organisation_id)
    dataset = latest_dataset(organisation)
    if dataset is None:
        raise Http404
    frame = pd.read_csv(io.StringIO(dataset.content), dtype={"area_code": str})
    frame = frame.astype(object).where(frame.notna(), None)
    return {"organisation": organisation.name, "version": dataset.version,
            "source": dataset.source, "base_year": dataset.base_year,
            "rows": frame.to_dict(orient="records")}
