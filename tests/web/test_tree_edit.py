"""Planning users edit the tree: project details, budgets, roles, names, new projects and KPIs."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from sousei.web.audit.models import Event
from sousei.web.strategies.models import KPI, Budget, PartnerRole, Project


def test_project_details_and_a_budget_are_saved_and_audited(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    url = reverse("strategies:project_edit", args=[home.project.pk])
    client.post(url, {"name": home.project.name, "purpose": "圏域の特産品の販路拡大",
                      "departments": "商工政策課、農政課", "partners": "久留米市、大川市",
                      "version": 1})
    project = Project.objects.get(pk=home.project.pk)
    assert (project.purpose, project.departments, project.partners) == (
        "圏域の特産品の販路拡大", "商工政策課、農政課", ["久留米市", "大川市"])
    budget_url = reverse("strategies:budget_entry", args=[project.pk, 2023])
    page = client.post(budget_url, {"thousand_yen": "2,500千円", "version": 1}, follow=True)
    assert "令和5年度の事業費を保存しました" in page.content.decode()
    assert Budget.objects.get(project=project, fiscal_year=2023).thousand_yen == Decimal(2500)
    client.post(reverse("strategies:budget_entry", args=[project.pk, 2024]),
                {"thousand_yen": "1200", "version": 0})
    assert Budget.objects.get(project=project, fiscal_year=2024).thousand_yen == Decimal(1200)
    actions = set(Event.objects.values_list("action", flat=True))
    assert {"事業の修正", "事業費の修正", "事業費の入力"} <= actions


def test_a_stale_budget_edit_is_refused(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    url = reverse("strategies:budget_entry", args=[home.project.pk, 2022])
    client.post(url, {"thousand_yen": "2600", "version": 1})
    page = client.post(url, {"thousand_yen": "9999", "version": 1}, follow=True)
    assert "ほかの人が先に保存しました" in page.content.decode()
    assert Budget.objects.get(project=home.project, fiscal_year=2022).thousand_yen == 2600


def test_roles_names_projects_and_kpis(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    client.post(reverse("strategies:role_edit", args=[home.project.pk]),
                {"label": "大川市", "role": "会場の提供"})
    role = PartnerRole.objects.get(label="大川市")
    assert role.municipality.code == "40212"
    measure = home.project.measure
    client.post(reverse("strategies:rename", args=["measure", measure.pk]),
                {"name": "販路の拡大", "version": 1})
    client.post(reverse("strategies:add_project", args=[measure.pk]), {"name": "商談会事業"})
    added = Project.objects.get(name="商談会事業")
    page = client.post(reverse("strategies:add_kpi", args=[added.pk]),
                       {"name": "商談件数", "target": "5年間に40件", "department": "商工政策課"},
                       follow=True).content.decode()
    kpi = KPI.objects.get(name="商談件数")
    assert (kpi.target_kind, kpi.target_value, kpi.unit, kpi.aggregation) == (
        "cumulative", 40, "件", "flow")
    assert "フローと推定しました" in page
    assert added.measure.name == "販路の拡大"


def test_department_and_outsiders_cannot_edit(world, login) -> None:
    home, outsider = world["home"], world["outsider"]
    for user in (home.users["department"], home.users["committee"], outsider.users["planning"]):
        client = login(user)
        url = reverse("strategies:budget_entry", args=[home.project.pk, 2022])
        assert client.post(url, {"thousand_yen": "1", "version": 1}).status_code == 404
        url = reverse("strategies:project_edit", args=[home.project.pk])
        assert client.post(url, {"name": "x", "version": 1}).status_code == 404
    assert Budget.objects.get(project=home.project, fiscal_year=2022).thousand_yen == 2400


def test_goal_and_direction_renames_are_audited_and_a_stale_one_is_refused(world, login) -> None:
    home = world["home"]
    client = login(home.users["planning"])
    goal, direction = home.goal, home.project.measure.direction
    client.post(reverse("strategies:rename", args=["goal", goal.pk]),
                {"name": "圏域経済の成長と雇用の創出", "version": 1})
    client.post(reverse("strategies:rename", args=["direction", direction.pk]),
                {"name": "地域経済の底上げ", "version": 1})
    page = client.post(reverse("strategies:rename", args=["goal", goal.pk]),
                       {"name": "古い画面からの名称", "version": 1}, follow=True).content.decode()
    assert "ほかの人が先に保存しました" in page
    goal.refresh_from_db()
    direction.refresh_from_db()
    assert (goal.name, goal.version) == ("圏域経済の成長と雇用の創出", 2)
    assert direction.name == "地域経済の底上げ"
    event = Event.objects.get(action=f"{type(goal)._meta.verbose_name}の名称の修正")
    assert (event.before["name"], event.after["name"]) == ("圏域の経済成長", "圏域経済の成長と雇用の創出")
    blank = client.post(reverse("strategies:rename", args=["goal", goal.pk]),
                        {"name": " ", "version": 2}, follow=True).content.decode()
    assert "名称を入力してください" in blank
    goal.refresh_from_db()
    assert goal.name == "圏域経済の成長と雇用の創出"
