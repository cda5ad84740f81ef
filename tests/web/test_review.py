"""A department's self-evaluation and 今後の方向性 of its own KPI (stale-safe, audited)."""

from __future__ import annotations

from django.urls import reverse

from sousei.web.audit.models import Event
from sousei.web.strategies.models import KPIReview


def _post(client, kpi, **data):
    payload = {"fiscal_year": 2022, "self_evaluation": "来場者は増えたが目標に届かない",
               "next_step": "改善", "version": 0, **data}
    return client.post(reverse("strategies:kpi_review", args=[kpi.pk]), payload, follow=True)


def test_department_enters_its_kpis_review(world, login) -> None:
    home = world["home"]
    page = _post(login(home.users["department"]), home.kpi).content.decode()
    assert "令和4年度の自己評価を保存しました" in page
    review = KPIReview.objects.get()
    assert (review.self_evaluation, review.next_step, review.version) == (
        "来場者は増えたが目標に届かない", "改善", 1)
    assert Event.objects.filter(action="自己評価の記入").count() == 1


def test_a_stale_review_does_not_overwrite(world, login) -> None:
    home = world["home"]
    client = login(home.users["department"])
    _post(client, home.kpi)
    _post(client, home.kpi, self_evaluation="上書き", version=1)
    page = _post(client, home.kpi, self_evaluation="古い画面から", version=1).content.decode()
    assert "ほかの人が先に自己評価を保存しました" in page
    assert KPIReview.objects.get().self_evaluation == "上書き"


def test_next_step_must_be_from_the_organisations_list(world, login) -> None:
    home = world["home"]
    home.strategy.next_steps = ["継続", "終了"]
    home.strategy.save()
    page = _post(login(home.users["planning"]), home.kpi, next_step="改善").content.decode()
    assert "今後の方向性を選び直してください" in page
    assert not KPIReview.objects.exists()
    _post(login(home.users["planning"]), home.kpi, next_step="終了")
    assert KPIReview.objects.get().next_step == "終了"


def test_other_departments_committee_and_outsiders_get_404(world, login) -> None:
    home, outsider = world["home"], world["outsider"]
    url = reverse("strategies:kpi_review", args=[home.other_kpi.pk])
    assert login(home.users["department"]).post(url, {}).status_code == 404  # 農政課's KPI
    for user in (home.users["committee"], home.users["viewer"], outsider.users["planning"]):
        assert login(user).post(reverse("strategies:kpi_review", args=[home.kpi.pk]),
                                {}).status_code == 404
    assert not KPIReview.objects.exists()
