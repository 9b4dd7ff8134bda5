"""The app's one "now": every rule that ages with the calendar (running clocks, periods, ages) asks here.

DASHBOARD_NOW (ISO 8601; without an offset, WIB) sets the clock for the whole process: it starts at that instant and
runs on from there. It makes screenshots, demos and tests that start the app in a server process reproducible;
tests in the same process freeze the wall clock itself (time-machine), which this reads.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

_WIB = ZoneInfo("Asia/Jakarta")


def _offset(setting: str | None) -> timedelta:
    if not setting:
        return timedelta(0)
    try:
        pinned = datetime.fromisoformat(setting)
    except ValueError as error:
        raise ValueError(f"DASHBOARD_NOW must be an ISO 8601 date or time, not {setting!r}") from error
    if pinned.tzinfo is None:
        pinned = pinned.replace(tzinfo=_WIB)
    return pinned - datetime.now(UTC)


_OFFSET = _offset(os.environ.get("DASHBOARD_NOW"))


def now() -> datetime:
    """The current instant, aware, in UTC."""
    return datetime.now(UTC) + _OFFSET


def today_wib() -> date:
    """Today's date in WIB (Asia/Jakarta): the day working days and periods are counted in."""
    return now().astimezone(_WIB).date()
