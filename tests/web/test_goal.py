"""Per-goal dashboard: counts and shares come from sousei.strategy's summary.

Fixture goal: KPI 1 at 70% (△), KPI 2 without actuals (評価待ち). The standard scheme leaves
pending KPIs out of the denominator: △ 1 of 1 = 100%, ○ 0%, × 0%.
"""

from __future__ import annotations

from django.urls import reverse


def test_dashboard_counts_and_shares(world, login) -> None:
    home = world["home"]
    body = login(home.users["committee"]).get(
        reverse("strategies:goal", args=[home.goal.pk])).content.decode()
    row = body.split('<table class="summary">')[1].split("</table>")[0]
    cells = row.split("</tr>")[1]
    assert '<td class="num">2</td>' in cells  # KPI設定数
    assert "0（0%）" in cells and "1（100%）" in cells
    assert cells.count('<td class="num">1</td>') == 1  # one pending
    assert "評価待ちを除いた" in body


def test_dashboard_updates_after_an_entry(world, login) -> None:
    home = world["home"]
    planning = login(home.users["planning"])
    planning.post(reverse("strategies:actual_entry", args=[home.other_kpi.pk, 2022]),
                  {"state": "number", "value": "30", "note": "", "version": 0})
    body = planning.get(reverse("strategies:goal", args=[home.goal.pk])).content.decode()
    cells = body.split('<table class="summary">')[1].split("</tr>")[1]
    # KPI 2: 30 of 40 = 75% -> △; KPI 1: 70% -> △. Two △ of two = 100%.
    assert "2（100%）" in cells
    assert "75.0%" in body
