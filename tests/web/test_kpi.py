"""KPI page: baseline, actuals, target, grade with its rule (from sousei.strategy), chart.

The fixture KPI: baseline 600 (R3), level target 1,000人 (R8), actual 700 in FY2022. Graded
as of FY2022 with the standard scheme: 700 / 1,000 = 70.0% < 80% -> △; after entering 820 for
FY2023: 82.0% -> ○.
"""

from __future__ import annotations

from django.urls import reverse

from sousei.web.strategies.models import KPI


def _page(client, kpi) -> str:
    response = client.get(reverse("strategies:kpi", args=[kpi.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_kpi_page_shows_figures_grade_and_rule(world, login) -> None:
    home = world["home"]
    body = _page(login(home.users["committee"]), home.kpi)
    assert "600（R3）" in body and "1,000人(R8)" in body
    assert '<td class="num">700</td>' in body
    assert "総合評価（令和4年度時点）" in body
    assert '<strong class="grade-symbol">△</strong>（達成率 70.0%）' in body
    assert "達成率 = 実績値 ÷ 目標値" in body
    assert '<svg class="kpi-chart"' in body and "target-path" in body


def test_entering_an_actual_updates_the_grade(world, login) -> None:
    home = world["home"]
    client = login(home.users["department"])
    url = reverse("strategies:actual_entry", args=[home.kpi.pk, 2023])
    response = client.post(url, {"state": "number", "value": "820", "note": "", "version": 0},
                           HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "総合評価（令和5年度時点）" in body
    assert '<strong class="grade-symbol">○</strong>（達成率 82.0%）' in body


def test_not_obtainable_grades_cross(world, login) -> None:
    home = world["home"]
    client = login(home.users["department"])
    client.post(reverse("strategies:actual_entry", args=[home.kpi.pk, 2023]),
                {"state": "not_obtainable", "value": "", "note": "", "version": 0})
    assert '<strong class="grade-symbol">×</strong>' in _page(client, home.kpi)


def test_entry_buttons_only_for_the_owning_department(world, login) -> None:
    home = world["home"]
    assert "入力</button>" in _page(login(home.users["department"]), home.kpi)
    assert "入力</button>" not in _page(login(home.users["department"]), home.other_kpi)
    assert "入力</button>" not in _page(login(home.users["committee"]), home.kpi)


def test_pending_kpi_has_no_grade_yet(world, login) -> None:
    home = world["home"]
    body = _page(login(home.users["planning"]), home.other_kpi)
    assert '<strong class="grade-symbol">評価待ち</strong>' in body
    assert "5年間に40人" in body


def test_a_pending_kpi_shows_no_achievement_rate_from_its_actual(world, login) -> None:
    # Issue 13 bug 7: a qualitative KPI with a figure but no recorded judgement is pending, and
    # its actual (700) was printed where the rate goes: 「評価待ち（達成率 700.0%）」.
    home = world["home"]
    KPI.objects.filter(pk=home.kpi.pk).update(target_kind="qualitative", judgement_grade="")
    assert home.kpi.actuals.filter(value__isnull=False).exists()
    client = login(home.users["planning"])
    body = _page(client, home.kpi)
    grade_line = body.split('<p class="grade">', 1)[1].split("</p>", 1)[0]
    assert '<strong class="grade-symbol">評価待ち</strong>' in grade_line
    assert "達成率" not in grade_line
    evaluation = client.get(reverse("strategies:evaluation", args=[home.strategy.pk]))
    row = evaluation.content.decode().split(f'{home.kpi.name}</a>', 1)[1].split("</tr>", 1)[0]
    assert '<td class="num"></td><td class="grade-symbol"><span class="grade-badge tone-none">評価待ち</span></td>' in row
