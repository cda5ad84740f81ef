"""Dates as the users' offices read them: Japan Standard Time, whatever the server's zone.

The web app shows times in Asia/Tokyo (settings.TIME_ZONE is :data:`TIME_ZONE`); the CLI and
the reports use the same zone here, so a report made at 08:30 JST on 3 December says 3 December
whether it came from the command line of a UTC server or from the web page.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

TIME_ZONE = "Asia/Tokyo"
JST = ZoneInfo(TIME_ZONE)


def now_jst() -> datetime.datetime:
    return datetime.datetime.now(JST)


def today_jst() -> datetime.date:
    """Today's date in Japan (the date printed as 作成日)."""
    return now_jst().date()
