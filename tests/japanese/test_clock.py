"""The CLI, the reports and the web read the same moment as the same date: Japan time."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings

from sousei.japanese import clock
from sousei.reports.html import Document

# 20:00 UTC on 2 December is 05:00 on 3 December in Japan.
MOMENT = datetime.datetime(2026, 12, 2, 20, 0, tzinfo=datetime.UTC)


class _Frozen(datetime.datetime):
    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        return MOMENT.astimezone(tz) if tz is not None else MOMENT.replace(tzinfo=None)


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock.datetime, "datetime", _Frozen)


def test_a_report_made_late_in_the_utc_evening_is_dated_the_next_day_in_japan(frozen) -> None:
    assert clock.today_jst() == datetime.date(2026, 12, 3)
    assert Document("t", "s", ()).issued == datetime.date(2026, 12, 3)


def test_the_web_uses_the_same_zone() -> None:
    assert settings.TIME_ZONE == clock.TIME_ZONE == "Asia/Tokyo" and settings.USE_TZ
