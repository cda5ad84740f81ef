"""What open data holds: the published evaluation (a snapshot) and the published projection,
as JSON (the documented schema, docs/open-data.md) and as CSV rows (UTF-8 with BOM)."""

from __future__ import annotations

import csv
import io
from typing import Any

import numpy as np

from sousei.demography.indicators import INDICATOR_LABELS
from sousei.io.safe_text import csv_text
from sousei.vision.tables import run_indicators, scenario_label
from sousei.web.accounts.models import Organisation
from sousei.web.strategies.models import EvaluationSnapshot

SCHEMA_VERSION = 1
EVALUATION_COLUMNS = ("団体コード", "団体名", "総合戦略", "評価年度", "基本目標", "KPI", "単位",
                      "担当課", "比較値", "目標値", "達成率", "評価", "状態", "評価の根拠")
PROJECTION_COLUMNS = ("団体コード", "団体名", "シナリオ", "年", "指標", "値")


def _number(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if np.isnan(number) else number


def evaluation_document(snapshot: EvaluationSnapshot) -> dict[str, Any]:
    strategy = snapshot.strategy_ref
    return {
        "schema": "sousei.evaluation", "schema_version": SCHEMA_VERSION,
        "organisation": {"code": strategy.organisation.code, "name": strategy.organisation.name},
        "strategy": strategy.name, "fiscal_year": snapshot.fiscal_year,
        "published_at": snapshot.published_at.isoformat(), "evaluation": snapshot.data,
    }


def evaluation_rows(snapshot: EvaluationSnapshot) -> list[list[Any]]:
    org, data = snapshot.strategy_ref.organisation, snapshot.data
    rows = []
    for goal in data.get("goals", []):
        for kpi in goal.get("kpis", []):
            rows.append([org.code, org.name, snapshot.strategy_ref.name, snapshot.fiscal_year,
                         goal["name"], kpi["name"], kpi.get("unit", ""),
                         kpi.get("department", ""), kpi.get("compared_value"),
                         kpi.get("target_value"), kpi.get("rate"), kpi.get("grade") or "",
                         kpi.get("status", ""), kpi.get("rule", "")])
    return rows


def projection_document(organisation: Organisation, base, run, source: str) -> dict[str, Any]:
    """Per scenario and year: every indicator of the 人口ビジョン tables, the areas summed."""
    values = run_indicators(run, combined=True)
    scenarios = []
    for k in range(len(run.scenarios)):
        indicators = {name: [_number(v) for v in array[k, :, 0]]
                      for name, array in values.items()}
        scenarios.append({"name": scenario_label(run, k), "indicators": indicators})
    return {
        "schema": "sousei.projection", "schema_version": SCHEMA_VERSION,
        "organisation": {"code": organisation.code, "name": organisation.name},
        "areas": list(base.regions), "source": source, "years": list(run.total.years),
        "indicator_labels": {name: INDICATOR_LABELS[name] for name in values},
        "scenarios": scenarios,
    }


def projection_rows(document: dict[str, Any]) -> list[list[Any]]:
    org, labels = document["organisation"], document["indicator_labels"]
    return [[org["code"], org["name"], scenario["name"], year, labels[name], value]
            for scenario in document["scenarios"]
            for name, series in scenario["indicators"].items()
            for year, value in zip(document["years"], series, strict=True)]


def csv_bytes(columns: tuple[str, ...], rows: list[list[Any]]) -> bytes:
    """UTF-8 with BOM (Excel opens it as Japanese); text cells made safe from formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else csv_text(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
