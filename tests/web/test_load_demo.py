"""`load_demo`: real Fukuoka municipalities, one user per role, the デモ用 strategy, published.

Grades as of FY2023 (standard ○△× scheme), checked by hand from demo_content.py:
フェア来場者数 10,400 / 12,000 = 86.7% ○; 新規就農者数 (6 + 9) / 40 = 37.5% △;
移住相談件数 310 / 500 = 62.0% △; 相談を経た移住者数 pending (統計未公表).
Shares without the pending KPI: ○ 1/3 = 33%, △ 2/3 = 67%.
"""

from __future__ import annotations

import re
from io import StringIO

from django.contrib.auth import authenticate
from django.core.management import call_command

from sousei.web.accounts.models import Membership, Organisation
from sousei.web.strategies.models import EvaluationSnapshot, Strategy


def _load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_loads_twice_and_prints_working_credentials(db: None) -> None:
    _load()
    output = _load()  # idempotent: nothing duplicated, passwords renewed
    assert Strategy.objects.filter(is_demo=True).count() == 1
    assert EvaluationSnapshot.objects.count() == 1
    credentials = re.findall(r"ユーザー名 (\S+)\s+パスワード (\S+)", output)
    assert [u for u, _ in credentials] == [
        "demo-admin", "demo-planning", "demo-department", "demo-committee", "demo-viewer"]
    for username, password in credentials:
        user = authenticate(username=username, password=password)
        assert user is not None and user.password.startswith("argon2")
    assert Membership.objects.get(user__username="demo-department").department == "商工政策課"
    assert Membership.objects.get(user__username="demo-committee").sector == "学"
    assert Membership.objects.get(user__username="demo-planning").sector == ""


def test_demo_organisations_are_real_fukuoka_codes(db: None) -> None:
    _load()
    partnership = Organisation.objects.get(kind="partnership")
    assert sorted(partnership.members.values_list("code", "name")) == [
        ("40203", "久留米市"), ("40212", "大川市"), ("40216", "小郡市"),
        ("40225", "うきは市"), ("40503", "大刀洗町"), ("40522", "大木町")]
    assert Organisation.objects.get(kind="prefecture").code == "40000"


def test_demo_strategy_is_marked_and_graded(db: None) -> None:
    _load()
    strategy = Strategy.objects.get(is_demo=True)
    assert "デモ用" in str(strategy)
    data = EvaluationSnapshot.objects.get().data
    grades = {k["name"]: (k["grade"], k["rate"] and round(k["rate"], 1))
              for g in data["goals"] for k in g["kpis"]}
    assert grades == {
        "フェア来場者数": ("○", 86.7), "新規就農者数": ("△", 37.5),
        "移住相談件数": ("△", 62.0), "相談を経た移住者数": (None, None),
    }
    assert data["total"]["shares"] == {"○": 33, "△": 67, "×": 0}
    assert data["total"]["pending"] == 1
