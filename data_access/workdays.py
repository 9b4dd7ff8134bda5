"""Working days (hari kerja): Monday–Friday that is neither a national holiday nor, by default, cuti bersama.

Elapsed working days between two instants follow numpy's busday_count: the working days in [start date,
end date), with both dates taken in WIB. Same day = 0; Friday -> next Monday = 1 (DOMAIN.md §2.3).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
import numpy as np

from data_access import config

WIB = ZoneInfo("Asia/Jakarta")
# The calendar covers these years; dates outside are treated as having no holidays but weekends.
FIRST_YEAR = 2015
LAST_YEAR = 2035


@lru_cache(maxsize=4)
def holiday_calendar(include_cuti_bersama: bool = True) -> dict[date, str]:
    """Every non-working weekday-or-weekend holiday with its Indonesian name, from the `holidays` package."""
    categories = ("public", "government") if include_cuti_bersama else ("public",)
    calendar = holidays.country_holidays(
        "ID", years=range(FIRST_YEAR, LAST_YEAR + 1), categories=categories, language="id"
    )
    return dict(sorted(calendar.items()))


@lru_cache(maxsize=4)
def _busdaycalendar(include_cuti_bersama: bool) -> np.busdaycalendar:
    days = np.array(list(holiday_calendar(include_cuti_bersama)), dtype="datetime64[D]")
    return np.busdaycalendar(weekmask="1111100", holidays=days)


def _calendar(include_cuti_bersama: bool | None) -> np.busdaycalendar:
    if include_cuti_bersama is None:
        include_cuti_bersama = config.include_cuti_bersama()
    return _busdaycalendar(include_cuti_bersama)


def wib_date(instant: datetime) -> date:
    """The calendar date of an aware instant in WIB."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime: attach a timezone (UTC in the database)")
    return instant.astimezone(WIB).date()


def is_workday(day: date, include_cuti_bersama: bool | None = None) -> bool:
    return bool(np.is_busday(np.datetime64(day, "D"), busdaycal=_calendar(include_cuti_bersama)))


def workdays_between_many(
    starts: np.ndarray, ends: np.ndarray, include_cuti_bersama: bool | None = None
) -> np.ndarray:
    """Working days elapsed from each start to its end, arrays of WIB dates (datetime64[D]); NaT pairs give -1."""
    starts = np.asarray(starts, dtype="datetime64[D]")
    ends = np.asarray(ends, dtype="datetime64[D]")
    missing = np.isnat(starts) | np.isnat(ends)
    safe_start = np.where(missing, np.datetime64("2000-01-03"), starts)
    safe_end = np.where(missing, np.datetime64("2000-01-03"), ends)
    counts = np.busday_count(safe_start, safe_end, busdaycal=_calendar(include_cuti_bersama))
    return np.where(missing, -1, counts)


def add_workdays(day: date, count: int, include_cuti_bersama: bool | None = None) -> date:
    """The WIB date `count` working days after `day` (rolling a non-working day forward first)."""
    rolled = np.busday_offset(
        np.datetime64(day, "D"), count, roll="forward", busdaycal=_calendar(include_cuti_bersama)
    )
    return rolled.astype(date)


def add_workdays_many(days: np.ndarray, counts: np.ndarray, include_cuti_bersama: bool | None = None) -> np.ndarray:
    """Vectorised add_workdays over arrays of WIB dates (datetime64[D]) and working-day counts."""
    return np.busday_offset(np.asarray(days, dtype="datetime64[D]"), np.asarray(counts), roll="forward",
                            busdaycal=_calendar(include_cuti_bersama))


def wib_day_start(day: date) -> datetime:
    """00:00 WIB of a date, as an aware UTC instant (for date filters on UTC columns)."""
    return datetime(day.year, day.month, day.day, tzinfo=WIB).astimezone(UTC)


def wib_day_end(day: date) -> datetime:
    """00:00 WIB of the next day: the exclusive end of a date filter."""
    return wib_day_start(day + timedelta(days=1))
