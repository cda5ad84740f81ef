"""The strategy's KPI report carries its logic model (diagram and table) when it has one."""

from __future__ import annotations

import io

from django.urls import reverse
from openpyxl import load_workbook

from sousei.web.logic.models import LogicIndicator, LogicLink
from sousei.web.strategies.evaluation import grade_kpi


def test_report_has_the_logic_model_with_the_kpis_trend_and_grade(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    url = reverse("strategies:report", args=[home.strategy.pk, "xlsx"]) + "?fy=2022"
    assert "ロジックモデル" not in load_workbook(io.BytesIO(client.get(url).content)).sheetnames
    impact = LogicIndicator.objects.create(strategy_ref=home.strategy, code="I1",
                                           name="圏域の総人口", level=3, unit="人")
    output = LogicIndicator.objects.create(strategy_ref=home.strategy, code="P1",
                                           name="物産展の来場者数", level=1, unit="人",
                                           kpi=home.kpi)
    LogicLink.objects.create(low=output, high=impact)
    book = load_workbook(io.BytesIO(client.get(url).content))
    ws = book["ロジックモデル"]
    rows = [[c.value for c in row] for row in ws.iter_rows() if any(c.value for c in row)]
    p1 = next(r for r in rows if "P1" in r)
    # personas: 700 of a 1,000人 target from a 600人 baseline in FY2022
    assert "R4 700" in p1 and "物産展の来場者数" in p1
    assert p1[p1.index("R4 700") + 1] == grade_kpi(home.kpi).symbol == "△"  # 700 / 1,000
