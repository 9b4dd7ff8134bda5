"""Reporting periods as short URL-safe codes: 'semua', '2025', '2025-Q3', '2025-07'."""

from __future__ import annotations

import re
from datetime import date, timedelta

ALL = "semua"
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    """The last day of the month of `day`."""
    return _month_end(day.year, day.month)


def period_bounds(code: str) -> tuple[date | None, date | None]:
    """First and last WIB date of a period code; (None, None) for all data. ValueError for anything else."""
    if code == ALL:
        return None, None
    if match := _YEAR.match(code):
        year = int(match[1])
        return date(year, 1, 1), date(year, 12, 31)
    if match := _QUARTER.match(code):
        year, quarter = int(match[1]), int(match[2])
        return date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
    if match := _MONTH.match(code):
        year, month = int(match[1]), int(match[2])
        return date(year, month, 1), _month_end(year, month)
    raise ValueError(f"not a period code: {code!r}")


def quarter_of_month(month_code: str) -> str:
    """The quarter code of a month code ('2025-08' -> '2025-Q3')."""
    year, month = month_code.split("-")
    return f"{year}-Q{(int(month) - 1) // 3 + 1}"


def quarter_code(day: date) -> str:
    """The code of the calendar quarter holding `day` ('2026-Q4')."""
    return quarter_of_month(f"{day.year}-{day.month:02d}")


def previous_quarter(code: str) -> str:
    """The quarter before a quarter code ('2026-Q1' -> '2025-Q4')."""
    return quarter_code(period_bounds(code)[0] - timedelta(days=1))


def last_complete_quarter(today: date) -> str:
    """The newest quarter that has ended before `today`: what grades and rankings use by default, since a running
    quarter holds only part of its respondents (on 5 December, a third of them)."""
    start, _ = period_bounds(quarter_code(today))
    return quarter_code(start - timedelta(days=1))


def is_running(code: str, today: date) -> bool:
    """Whether the period has not ended yet on `today` (it holds `today` or lies ahead): drawn and labelled as
    running, never graded as final. 'semua' (all data) counts as running: it holds today's data."""
    _, end = period_bounds(code)
    return end is None or end >= today


def graded_quarter(today: date, last: date | None) -> str:
    """The quarter that is graded and ranked on `today`: the last complete one; when the data end before it (`last`:
    the newest data's day, e.g. an import not yet updated), the quarter of the newest data, complete as well since
    nothing follows it, rather than an empty one."""
    complete = last_complete_quarter(today)
    if last is not None and quarter_code(last) < complete:  # 'YYYY-Qn' codes sort as the quarters do
        return quarter_code(last)
    return complete


def graded_default(today: date, first: date | None, last: date | None) -> str:
    """The period pages that grade and rank show by default, for data spanning first..last: graded_quarter; with
    no complete quarter of data (a fresh database, or data only in the running quarter), all data."""
    if first is None or last is None:
        return ALL
    code = graded_quarter(today, last)
    return ALL if first > period_bounds(code)[1] else code


def period_options(first: date | None, last: date | None) -> list[str]:
    """Codes a user can pick for data spanning first..last: all, then years, quarters and months, newest first."""
    if first is None or last is None:
        return [ALL]
    months = []
    year, month = last.year, last.month
    while (year, month) >= (first.year, first.month):
        months.append(f"{year}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    quarters = list(dict.fromkeys(quarter_of_month(code) for code in months))
    years = [str(y) for y in range(last.year, first.year - 1, -1)]
    return [ALL, *years, *quarters, *months]
