"""The projection page shows what it takes to reach the 将来展望's target population."""

from __future__ import annotations

from django.urls import reverse

from sousei.web.vision.models import VisionChoice


def test_target_answers_beside_the_vision(world, login) -> None:
    home = world["home"]
    VisionChoice.objects.create(organisation=home.organisation, target_population=345_000,
                                target_year=2030)
    body = login(home.users["viewer"]).get(
        reverse("vision:projection", args=[home.organisation.pk])).content.decode()
    section = body.split('id="target-seeking"', 1)[1].split("</section>", 1)[0]
    assert "目標人口 345,000人(2030年度末 = 2031年3月31日)" in section
    assert "合計特殊出生率を2035年までに+" in section
    assert "10～29歳の純移動率を5年間あたり+" in section
    assert section.count("345,000人</td>") == 3  # each lever reaches the target


def test_an_unreachable_target_says_so(world, login) -> None:
    home = world["home"]
    VisionChoice.objects.create(organisation=home.organisation, target_population=9_000_000,
                                target_year=2030)
    body = login(home.users["planning"]).get(
        reverse("vision:projection", args=[home.organisation.pk])).content.decode()
    assert "目標人口 9,000,000人は、変えられる範囲" in body


def test_no_target_no_section(world, login) -> None:
    home = world["home"]
    body = login(home.users["planning"]).get(
        reverse("vision:projection", args=[home.organisation.pk])).content.decode()
    assert 'id="target-seeking"' not in body
