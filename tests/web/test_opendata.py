"""Open data: published evaluations and projections as CSV (BOM) and JSON without login;
nothing before publication; only planning users publish, audited."""

from __future__ import annotations

import csv
import io
import json

from django.test import Client
from django.urls import reverse

from sousei.web.audit.models import Event
from sousei.web.opendata.models import PublishedProjection
from sousei.web.strategies.evaluation import evaluate
from sousei.web.strategies.models import EvaluationSnapshot


def _csv(response) -> list[dict[str, str]]:
    body = response.content
    assert body.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_nothing_is_open_before_publication(world) -> None:
    home, anonymous = world["home"], Client()
    assert anonymous.get(reverse("opendata:evaluation", args=[home.strategy.pk, "csv"])).status_code == 404
    assert anonymous.get(reverse("opendata:projection",
                                 args=[home.organisation.pk, "json"])).status_code == 404
    assert "まだありません" in anonymous.get(reverse("opendata:index")).content.decode()


def test_a_published_evaluation_downloads_without_login(world) -> None:
    home = world["home"]
    EvaluationSnapshot.objects.create(strategy_ref=home.strategy, fiscal_year=2024,
                                      scheme="standard", published_by=home.users["planning"],
                                      data=evaluate(home.strategy))
    anonymous = Client()
    rows = _csv(anonymous.get(reverse("opendata:evaluation", args=[home.strategy.pk, "csv"])))
    assert {r["KPI"] for r in rows} == {home.kpi.name, home.other_kpi.name}
    assert rows[0]["総合戦略"] == home.strategy.name and rows[0]["評価年度"] == "2024"
    doc = json.loads(anonymous.get(reverse("opendata:evaluation",
                                           args=[home.strategy.pk, "json"])).content)
    assert doc["schema"] == "sousei.evaluation" and doc["fiscal_year"] == 2024
    assert home.strategy.name in anonymous.get(reverse("opendata:index")).content.decode()


def test_planning_publishes_the_projection_audited(world, login) -> None:
    home = world["home"]
    url = reverse("opendata:publish", args=[home.organisation.pk])
    assert login(home.users["viewer"]).post(url).status_code == 404
    assert login(world["outsider"].users["planning"]).post(url).status_code == 404
    assert login(home.users["planning"]).post(url).status_code == 302
    published = PublishedProjection.objects.get(organisation=home.organisation)
    assert Event.objects.filter(action="将来推計の公開", organisation=home.organisation).count() == 1
    anonymous = Client()
    doc = json.loads(anonymous.get(reverse("opendata:projection",
                                           args=[home.organisation.pk, "json"])).content)
    assert doc["schema"] == "sousei.projection" and doc["years"][0] == 2015
    baseline = doc["scenarios"][0]
    # the partnership (久留米市 + 大川市) in the 2015 census: 339,390
    assert round(baseline["indicators"]["total"][0]) == 339_390
    rows = _csv(anonymous.get(reverse("opendata:projection", args=[home.organisation.pk, "csv"])))
    first = next(r for r in rows if r["年"] == "2015" and r["指標"] == "総人口")
    assert round(float(first["値"])) == 339_390
    assert published.data == {k: v for k, v in doc.items() if k != "published_at"}


def test_an_unknown_format_is_404(world) -> None:
    home = world["home"]
    assert Client().get(reverse("opendata:evaluation", args=[home.strategy.pk, "xml"])).status_code == 404
